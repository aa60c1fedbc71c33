import { $getNodeByKey, $isElementNode, type LexicalEditor, type UpdateListenerPayload } from 'lexical';

/** What the author could see of a node: its serialized form and, for an element, its children in order. */
function $snapshotOf(key: string): string | null {
  const node = $getNodeByKey(key);
  if (!node) return null;
  return JSON.stringify([node.exportJSON(), $isElementNode(node) ? node.getChildrenKeys() : null]);
}

/**
 * Whether an update changed the text or structure, judged on the dirty nodes' serialized form in
 * the states before and after it. Plugins that register node transforms mark every node of their
 * type dirty when they start, without changing anything: that must not count as an edit (opening a
 * draft would save it and move it to the top of the list).
 */
export function isContentChange(
  editor: LexicalEditor,
  { dirtyElements, dirtyLeaves, editorState, prevEditorState }: UpdateListenerPayload,
): boolean {
  const keys = [...dirtyLeaves, ...dirtyElements.keys()];
  if (keys.length === 0) return false;
  const before = prevEditorState.read(() => keys.map($snapshotOf), { editor });
  const after = editorState.read(() => keys.map($snapshotOf), { editor });
  return keys.some((_, index) => before[index] !== after[index]);
}
