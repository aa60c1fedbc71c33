import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $getTableCellNodeFromLexicalNode,
  $getTableNodeFromLexicalNodeOrThrow,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableRowNode,
  $setTableRowIsHeader,
  $createTableNodeWithDimensions,
  TableCellHeaderStates,
} from '@lexical/table';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  type LexicalEditor,
} from 'lexical';

const isMac = navigator.platform.startsWith('Mac');

/** The modifiers of the table keys (TablePlugin), as the menu shows them. */
export const TABLE_SHORTCUTS = isMac ? '⌘⌥' : 'Ctrl+Alt+';

/**
 * A new table: three columns, a header row and two rows to fill in, the cursor in its first cell.
 * In an empty paragraph it takes the paragraph's place instead of leaving an empty line above it.
 */
export function insertTable(editor: LexicalEditor) {
  editor.update(() => {
    const selection = $getSelection();
    const block = $isRangeSelection(selection) ? selection.anchor.getNode().getTopLevelElement() : null;
    const table = $createTableNodeWithDimensions(3, 3, { rows: true, columns: false });
    if ($isParagraphNode(block) && block.getTextContentSize() === 0 && block.getChildrenSize() === 0) {
      block.replace(table);
      if (!table.getNextSibling()) table.insertAfter($createParagraphNode());
    } else $insertNodeToNearestRoot(table);
    table.getFirstDescendant()?.selectStart();
  });
}

/** The table cell the cursor is in, if it is in one. */
export function $selectedCell() {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  return $getTableCellNodeFromLexicalNode(selection.anchor.getNode());
}

function $toggleHeaderRow() {
  const cell = $selectedCell();
  if (!cell) return;
  const table = $getTableNodeFromLexicalNodeOrThrow(cell);
  const first = table.getFirstChild();
  const firstCell = $isTableRowNode(first) ? first.getFirstChild() : null;
  const isHeader = $isTableCellNode(firstCell) && firstCell.hasHeaderState(TableCellHeaderStates.ROW);
  $setTableRowIsHeader(table, 0, !isHeader);
}

function $deleteTable() {
  const cell = $selectedCell();
  if (!cell) return;
  const table = $getTableNodeFromLexicalNodeOrThrow(cell);
  table.selectPrevious();
  table.remove();
}

/** What can be done to the table around the cursor, by the Table menu and by the keyboard. */
export const TABLE_ACTIONS = {
  'row-above': { label: 'Insert row above', run: () => void $insertTableRowAtSelection(false) },
  'row-below': { label: 'Insert row below', run: () => void $insertTableRowAtSelection(true) },
  'column-left': { label: 'Insert column left', run: () => void $insertTableColumnAtSelection(false) },
  'column-right': { label: 'Insert column right', run: () => void $insertTableColumnAtSelection(true) },
  'delete-row': { label: 'Delete row', run: () => $deleteTableRowAtSelection() },
  'delete-column': { label: 'Delete column', run: () => $deleteTableColumnAtSelection() },
  'header-row': { label: 'Header row on or off', run: $toggleHeaderRow },
  'delete-table': { label: 'Delete table', run: $deleteTable },
} as const;

export type TableAction = keyof typeof TABLE_ACTIONS;

/** Runs an action when the cursor is in a table; says whether it was. */
export function runTableAction(editor: LexicalEditor, action: TableAction): boolean {
  if (!editor.getEditorState().read(() => $selectedCell() !== null)) return false;
  editor.update(() => TABLE_ACTIONS[action].run());
  return true;
}
