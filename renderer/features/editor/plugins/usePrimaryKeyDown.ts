import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';

const isMac = navigator.platform.startsWith('Mac');

/**
 * Hands `onKey` each key pressed in the body with Ctrl held (⌘ on a Mac). `onKey` returns true
 * when the key was its own (it prevents the default itself), false to let the key go on. Pass a
 * function that does not change between renders (one of the module): it is registered once.
 */
export function usePrimaryKeyDown(onKey: (event: KeyboardEvent, editor: LexicalEditor) => boolean): void {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => (isMac ? event.metaKey : event.ctrlKey) && onKey(event, editor),
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, onKey],
  );
}
