import { $isCodeNode } from '@lexical/code';
import { $isLinkNode } from '@lexical/link';
import { $isListNode, ListNode } from '@lexical/list';
import { $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';
import { $findMatchingParent, $getNearestNodeOfType, mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  $isRangeSelection,
  $isRootOrShadowRoot,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_LOW,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useState } from 'react';

export type BlockType = 'paragraph' | 'h2' | 'h3' | 'h4' | 'quote' | 'code' | 'bullet' | 'number';

export interface ToolbarState {
  blockType: BlockType;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strikethrough: boolean;
  code: boolean;
  link: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

const INITIAL: ToolbarState = {
  blockType: 'paragraph',
  bold: false,
  italic: false,
  underline: false,
  strikethrough: false,
  code: false,
  link: false,
  canUndo: false,
  canRedo: false,
};

function $readSelectionState(): Omit<ToolbarState, 'canUndo' | 'canRedo'> | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const anchor = selection.anchor.getNode();
  const block =
    anchor.getKey() === 'root'
      ? anchor
      : ($findMatchingParent(anchor, (node) => {
          const parent = node.getParent();
          return parent !== null && $isRootOrShadowRoot(parent);
        }) ?? anchor.getTopLevelElementOrThrow());
  let blockType: BlockType = 'paragraph';
  if ($isListNode(block)) {
    const list = $getNearestNodeOfType(anchor, ListNode) ?? block;
    blockType = list.getListType() === 'number' ? 'number' : 'bullet';
  } else if ($isHeadingNode(block)) {
    const tag = block.getTag();
    blockType = tag === 'h3' || tag === 'h4' ? tag : 'h2';
  } else if ($isQuoteNode(block)) blockType = 'quote';
  else if ($isCodeNode(block)) blockType = 'code';
  const parent = anchor.getParent();
  return {
    blockType,
    bold: selection.hasFormat('bold'),
    italic: selection.hasFormat('italic'),
    underline: selection.hasFormat('underline'),
    strikethrough: selection.hasFormat('strikethrough'),
    code: selection.hasFormat('code'),
    link: $isLinkNode(parent) || $isLinkNode(anchor),
  };
}

const same = (a: ToolbarState, b: ToolbarState) =>
  (Object.keys(a) as (keyof ToolbarState)[]).every((key) => a[key] === b[key]);

/** What the toolbar shows as pressed, kept in step with the selection; re-renders only on a change. */
export function useToolbarState(editor: LexicalEditor): ToolbarState {
  const [state, setState] = useState(INITIAL);
  useEffect(() => {
    const merge = (patch: Partial<ToolbarState>) =>
      setState((previous) => {
        const next = { ...previous, ...patch };
        return same(previous, next) ? previous : next;
      });
    return mergeRegister(
      editor.registerUpdateListener(({ editorState }) => {
        const read = editorState.read(() => $readSelectionState(), { editor });
        if (read) merge(read);
      }),
      editor.registerCommand(
        CAN_UNDO_COMMAND,
        (canUndo) => (merge({ canUndo }), false),
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        CAN_REDO_COMMAND,
        (canRedo) => (merge({ canRedo }), false),
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return state;
}
