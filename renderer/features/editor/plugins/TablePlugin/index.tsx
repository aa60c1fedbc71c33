import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { TablePlugin as LexicalTablePlugin } from '@lexical/react/LexicalTablePlugin';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { isMac, runTableAction, type TableAction } from './table-actions';

/** Ctrl+Alt (⌘⌥ on a Mac) with an arrow adds a row or column that way; with Backspace deletes. */
const KEYS: Record<string, TableAction> = {
  ArrowUp: 'row-above',
  ArrowDown: 'row-below',
  ArrowLeft: 'column-left',
  ArrowRight: 'column-right',
  Backspace: 'delete-row',
  'Shift+Backspace': 'delete-column',
};

/**
 * Tables: Lexical's table plugin (Tab moves between cells, cell selection) without merged cells,
 * colours or a scroll wrapper, which a plain published `<table>` cannot carry; and the keys above.
 */
export function TablePlugin() {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!(isMac ? event.metaKey : event.ctrlKey) || !event.altKey) return false;
          const action = KEYS[`${event.shiftKey ? 'Shift+' : ''}${event.key}`];
          if (!action || !runTableAction(editor, action)) return false;
          event.preventDefault();
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );

  return (
    <LexicalTablePlugin
      hasCellMerge={false}
      hasCellBackgroundColor={false}
      hasHorizontalScroll={false}
      hasNestedTables={false}
    />
  );
}
