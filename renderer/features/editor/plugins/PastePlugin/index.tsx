import { $insertGeneratedNodes } from '@lexical/clipboard';
import { $generateNodesFromDOM } from '@lexical/html';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { $restoreSpacesBesideImages } from '../../html/image-spaces';
import { sanitizeToDocument } from '../../html/sanitize-html';
import { $headerRowOnly } from '../TablePlugin/imported-headers';

/**
 * Paste from web pages and word processors, cleaned: DOMPurify first, then Lexical's HTML import,
 * so styles go and the structure stays. Holding Shift pastes plain text. If the import still fails
 * on some odd markup, the text is pasted rather than nothing.
 */
export function PastePlugin() {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    let shiftHeld = false;
    const trackShift = (event: KeyboardEvent) => {
      if (event.key === 'Shift') shiftHeld = event.type === 'keydown';
      else if (event.type === 'keydown') shiftHeld = event.shiftKey;
    };
    const clearShift = () => (shiftHeld = false);
    window.addEventListener('keydown', trackShift, true);
    window.addEventListener('keyup', trackShift, true);
    window.addEventListener('blur', clearShift);

    const insertPlain = (text: string) =>
      editor.update(
        () => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertRawText(text);
        },
        { discrete: true },
      );

    const unregister = editor.registerCommand(
      PASTE_COMMAND,
      (event) => {
        const data = 'clipboardData' in event ? event.clipboardData : null;
        if (!data) return false;
        event.preventDefault();
        const html = data.getData('text/html');
        const text = data.getData('text/plain');
        if (shiftHeld || !html) {
          insertPlain(text);
          return true;
        }
        let clean: Document;
        try {
          clean = sanitizeToDocument(html);
        } catch {
          insertPlain(text);
          return true;
        }
        let failed = false;
        editor.update(
          () => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection)) return;
            try {
              const nodes = $generateNodesFromDOM(editor, clean);
              $headerRowOnly(nodes);
              $restoreSpacesBesideImages(nodes);
              $insertGeneratedNodes(editor, nodes, selection);
            } catch (error) {
              // Thrown out of the update so Lexical rolls back whatever was half inserted.
              failed = true;
              throw error;
            }
          },
          { discrete: true },
        );
        if (failed) insertPlain(text || (clean.body.textContent ?? ''));
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    return () => {
      unregister();
      window.removeEventListener('keydown', trackShift, true);
      window.removeEventListener('keyup', trackShift, true);
      window.removeEventListener('blur', clearShift);
    };
  }, [editor]);

  return null;
}
