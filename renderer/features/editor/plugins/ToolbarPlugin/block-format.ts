import { $createCodeNode } from '@lexical/code';
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import { $createParagraphNode, $getSelection, $isRangeSelection, type LexicalEditor } from 'lexical';
import type { BlockType } from './useToolbarState';

/** Turns the blocks of the selection into `type`; choosing the current list type removes the list. */
export function formatBlock(editor: LexicalEditor, type: BlockType, current: BlockType) {
  if (type === 'bullet' || type === 'number') {
    if (current === type) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else
      editor.dispatchCommand(
        type === 'bullet' ? INSERT_UNORDERED_LIST_COMMAND : INSERT_ORDERED_LIST_COMMAND,
        undefined,
      );
    return;
  }
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const target = type === current && type !== 'paragraph' ? 'paragraph' : type;
    $setBlocksType(selection, () => {
      switch (target) {
        case 'h2':
        case 'h3':
        case 'h4':
          return $createHeadingNode(target);
        case 'quote':
          return $createQuoteNode();
        case 'code':
          return $createCodeNode();
        default:
          return $createParagraphNode();
      }
    });
  });
}
