import { $isElementNode, $isTextNode, type LexicalNode } from 'lexical';

/**
 * Lexical's HTML import drops a space between text and an image: it looks along the line for text
 * and, finding only the image, takes the space for one at the edge of the line. Before the import
 * such spaces are marked with a private-use character; after it the marks become spaces again.
 */
const MARK = '\uE000';

/** The text right before (or after) a node on its line: inside inline neighbours like `<u>a </u>`. */
function neighbourText(node: Node, forward: boolean): Node | null {
  let sibling = forward ? node.nextSibling : node.previousSibling;
  while (sibling && sibling.nodeType === Node.ELEMENT_NODE && sibling.childNodes.length > 0)
    sibling = forward ? sibling.firstChild : sibling.lastChild;
  return sibling;
}

export function markSpacesBesideImages(body: HTMLElement) {
  for (const image of Array.from(body.querySelectorAll('img'))) {
    const before = neighbourText(image, false);
    const after = neighbourText(image, true);
    if (before?.nodeType === Node.TEXT_NODE && /\s$/.test(before.textContent ?? ''))
      before.textContent = (before.textContent ?? '').replace(/\s+$/, MARK);
    if (after?.nodeType === Node.TEXT_NODE && /^\s/.test(after.textContent ?? ''))
      after.textContent = (after.textContent ?? '').replace(/^\s+/, MARK);
  }
}

export function $restoreSpacesBesideImages(nodes: LexicalNode[]) {
  for (const node of nodes) {
    if ($isTextNode(node) && node.getTextContent().includes(MARK))
      node.setTextContent(node.getTextContent().replaceAll(MARK, ' '));
    else if ($isElementNode(node)) $restoreSpacesBesideImages(node.getChildren());
  }
}
