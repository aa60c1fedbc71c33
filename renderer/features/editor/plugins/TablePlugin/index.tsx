import { TablePlugin as LexicalTablePlugin } from '@lexical/react/LexicalTablePlugin';
import type { LexicalEditor } from 'lexical';
import { usePrimaryKeyDown } from '../usePrimaryKeyDown';
import { runTableAction, type TableAction } from './table-actions';

/** Ctrl+Alt (⌘⌥ on a Mac) with an arrow adds a row or column that way; with Backspace deletes. */
const KEYS: Record<string, TableAction> = {
  ArrowUp: 'row-above',
  ArrowDown: 'row-below',
  ArrowLeft: 'column-left',
  ArrowRight: 'column-right',
  Backspace: 'delete-row',
  'Shift+Backspace': 'delete-column',
};

function tableKey(event: KeyboardEvent, editor: LexicalEditor): boolean {
  if (!event.altKey) return false;
  const action = KEYS[`${event.shiftKey ? 'Shift+' : ''}${event.key}`];
  if (!action || !runTableAction(editor, action)) return false;
  event.preventDefault();
  return true;
}

/**
 * Tables: Lexical's table plugin (Tab moves between cells, cell selection) without merged cells,
 * colours or a scroll wrapper, which a plain published `<table>` cannot carry; and the keys above.
 */
export function TablePlugin() {
  usePrimaryKeyDown(tableKey);

  return (
    <LexicalTablePlugin
      hasCellMerge={false}
      hasCellBackgroundColor={false}
      hasHorizontalScroll={false}
      hasNestedTables={false}
    />
  );
}
