import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { OPEN_LINK_EDITOR_COMMAND } from '../LinkEditorPlugin';

const isMac = navigator.platform.startsWith('Mac');

/**
 * Keys of the body. Lexical already maps Ctrl/Cmd+B, I, U (format) and Z, Shift+Z (history); this
 * adds K (link) and Shift+X (strikethrough). Keys that work anywhere (save, new draft, the palette)
 * are commands of the app (shared/commands/catalog.ts).
 */
export function ShortcutsPlugin() {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(isMac ? event.metaKey : event.ctrlKey) || event.altKey) return false;
          const key = event.key.toLowerCase();
          if (key === 'k' && !event.shiftKey) {
            event.preventDefault();
            return editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
          }
          if (key === 'x' && event.shiftKey) {
            event.preventDefault();
            return editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough');
          }
          return false;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );

  return null;
}
