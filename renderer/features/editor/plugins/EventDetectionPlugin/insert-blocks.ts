import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $getRoot, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import { $createEventNode, type EventBlockData } from '../../nodes/EventNode';
import { $createUpcomingEventsNode, type UpcomingItem } from '../../nodes/UpcomingEventsNode';

/** Puts a block at the caret, or at the end of the post when the body has no caret. */
function insertBlock(
  editor: LexicalEditor,
  create: () => ReturnType<typeof $createEventNode> | ReturnType<typeof $createUpcomingEventsNode>,
) {
  editor.update(() => {
    const node = create();
    if ($isRangeSelection($getSelection())) $insertNodeToNearestRoot(node);
    else $getRoot().append(node);
  });
}

export function insertEventBlock(editor: LexicalEditor, event: EventBlockData) {
  insertBlock(editor, () => $createEventNode(event));
}

export function insertUpcomingEvents(editor: LexicalEditor, heading: string, items: UpcomingItem[]) {
  insertBlock(editor, () => $createUpcomingEventsNode(heading, items));
}
