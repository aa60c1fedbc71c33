import { FORMAT_TEXT_COMMAND, type LexicalEditor } from 'lexical';
import { OPEN_LINK_EDITOR_COMMAND } from '../LinkEditorPlugin';
import { usePrimaryKeyDown } from '../usePrimaryKeyDown';

/**
 * Keys of the body. Lexical already maps Ctrl/Cmd+B, I, U (format) and Z, Shift+Z (history); this
 * adds K (link) and Shift+X (strikethrough). Keys that work anywhere (save, new draft, the palette)
 * are commands of the app (shared/commands/catalog.ts).
 */
export function ShortcutsPlugin() {
  usePrimaryKeyDown(linkOrStrikethrough);
  return null;
}

function linkOrStrikethrough(event: KeyboardEvent, editor: LexicalEditor): boolean {
  if (event.altKey) return false;
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
}
