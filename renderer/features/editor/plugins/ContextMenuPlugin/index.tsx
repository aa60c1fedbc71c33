import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { PASTE_COMMAND } from 'lexical';
import { useEffect, useState } from 'react';
import { HOST } from '../../../commands/platform';
import { DraftMenu } from '../../../drafts/DraftMenu';
import { OPEN_LINK_EDITOR_COMMAND } from '../LinkEditorPlugin';

/** Reads the clipboard as a paste event would carry it, so the editor's own paste rules apply. */
async function clipboardTransfer(): Promise<DataTransfer> {
  const transfer = new DataTransfer();
  for (const item of await navigator.clipboard.read()) {
    for (const type of item.types)
      if (type === 'text/html' || type === 'text/plain')
        transfer.setData(type, await (await item.getType(type)).text());
  }
  return transfer;
}

/**
 * The body's context menu in the browser host: cut, copy, paste and link. Shift+right-click leaves
 * the browser's own menu, with its spelling suggestions. The desktop app builds a native menu with
 * the system's spelling suggestions instead (main/electron/context-menu.ts), so nothing shows here.
 */
export function ContextMenuPlugin({ onError }: { onError: (message: string) => void }) {
  const [editor] = useLexicalComposerContext();
  const [at, setAt] = useState<{ x: number; y: number } | null>(null);

  useEffect(() => {
    if (HOST === 'electron') return;
    const open = (event: MouseEvent) => {
      if (event.shiftKey) return;
      event.preventDefault();
      setAt({ x: event.clientX, y: event.clientY });
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('contextmenu', open);
      root?.addEventListener('contextmenu', open);
    });
  }, [editor]);

  if (!at) return null;
  const clipboard = (action: 'cut' | 'copy') => () => {
    editor.focus(() => {
      if (!document.execCommand(action))
        onError(`The browser did not allow ${action}: press Ctrl+${action === 'cut' ? 'X' : 'C'} instead.`);
    });
  };
  const paste = () => {
    clipboardTransfer().then(
      (clipboardData) =>
        editor.focus(() =>
          editor.dispatchCommand(
            PASTE_COMMAND,
            new ClipboardEvent('paste', { clipboardData, cancelable: true }),
          ),
        ),
      () =>
        onError('The browser did not let Postwright read the clipboard: press Ctrl+V (⌘V on a Mac) instead.'),
    );
  };
  return (
    <DraftMenu
      label="Edit"
      at={at}
      onClose={() => setAt(null)}
      note="Shift+right-click opens the browser’s own menu, with spelling suggestions."
      items={[
        { label: 'Cut', onSelect: clipboard('cut') },
        { label: 'Copy', onSelect: clipboard('copy') },
        { label: 'Paste', onSelect: paste },
        {
          label: 'Link…',
          onSelect: () => editor.focus(() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)),
        },
      ]}
    />
  );
}
