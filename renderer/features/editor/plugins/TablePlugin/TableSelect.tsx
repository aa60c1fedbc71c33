import { mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_LOW, SELECTION_CHANGE_COMMAND, type LexicalEditor } from 'lexical';
import { useEffect, useState } from 'react';
import { MenuButton } from '../../../../components/MenuButton';
import {
  $selectedCell,
  runTableAction,
  TABLE_ACTIONS,
  TABLE_SHORTCUTS,
  type TableAction,
} from './table-actions';

const KEY_HINTS: Partial<Record<TableAction, string>> = {
  'row-above': '↑',
  'row-below': '↓',
  'column-left': '←',
  'column-right': '→',
  'delete-row': 'Backspace',
  'delete-column': 'Shift+Backspace',
};

function useCursorInTable(editor: LexicalEditor): boolean {
  const [inTable, setInTable] = useState(false);
  useEffect(() => {
    const read = () => setInTable(editor.getEditorState().read(() => $selectedCell() !== null));
    return mergeRegister(
      editor.registerUpdateListener(read),
      editor.registerCommand(
        SELECTION_CHANGE_COMMAND,
        () => {
          read();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);
  return inTable;
}

/** The Table menu of the toolbar, there while the cursor is in a table. */
export function TableSelect({ editor }: { editor: LexicalEditor }) {
  const inTable = useCursorInTable(editor);
  if (!inTable) return null;
  return (
    <MenuButton
      className="toolbar__select"
      label="Table"
      title={`Rows and columns: ${TABLE_SHORTCUTS} and an arrow adds one, ${TABLE_SHORTCUTS}Backspace deletes the row`}
      items={(Object.keys(TABLE_ACTIONS) as TableAction[]).map((action) => ({
        label:
          TABLE_ACTIONS[action].label +
          (KEY_HINTS[action] ? ` (${TABLE_SHORTCUTS}${KEY_HINTS[action]})` : ''),
        onSelect: () => {
          runTableAction(editor, action);
          editor.focus();
        },
      }))}
    >
      Table
    </MenuButton>
  );
}
