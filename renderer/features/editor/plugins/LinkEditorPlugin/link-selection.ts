import { $isLinkNode, type LinkNode } from '@lexical/link';
import { $findMatchingParent } from '@lexical/utils';
import { $isRangeSelection, createCommand, type BaseSelection, type LexicalEditor } from 'lexical';

/** Opens the floating link editor for the selection (toolbar button, Ctrl/Cmd+K). */
export const OPEN_LINK_EDITOR_COMMAND = createCommand<void>('OPEN_LINK_EDITOR_COMMAND');

/** The link the selection starts in, if any. */
export function $linkAt(selection: BaseSelection | null): LinkNode | null {
  if (!$isRangeSelection(selection)) return null;
  const node = selection.anchor.getNode();
  return $isLinkNode(node) ? node : $findMatchingParent(node, $isLinkNode);
}

/** Where the page's selection in the editor is drawn, to put the link's box beside it. */
export function selectionRect(editor: LexicalEditor): DOMRect | null {
  const root = editor.getRootElement();
  const native = window.getSelection();
  if (!root || !native || native.rangeCount === 0 || !root.contains(native.anchorNode)) return null;
  const range = native.getRangeAt(0);
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) {
    const element =
      native.anchorNode instanceof Element ? native.anchorNode : native.anchorNode?.parentElement;
    return element?.getBoundingClientRect() ?? null;
  }
  return rect;
}
