import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { $createMoreBreakNode } from '../../nodes/MoreBreakNode';
import { PICK_IMAGE_COMMAND } from '../ImagesPlugin';
import { insertTable } from '../TablePlugin/table-actions';

const ACTIONS: Record<string, (editor: LexicalEditor) => void> = {
  image: (editor) => editor.dispatchCommand(PICK_IMAGE_COMMAND, undefined),
  table: insertTable,
  rule: (editor) => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined),
  more: (editor) => editor.update(() => void $insertNodeToNearestRoot($createMoreBreakNode())),
};

/** Things that go into the body as a whole: an image, a table, a rule, the "more" break. */
export function InsertSelect({ editor }: { editor: LexicalEditor }) {
  return (
    <select
      className="toolbar__select toolbar__select--insert"
      aria-label="Insert"
      title="Insert an image (or paste or drop one), a table, a horizontal rule, or the “more” break"
      value=""
      onChange={(event) => {
        ACTIONS[event.target.value]?.(editor);
        editor.focus();
      }}
    >
      <option value="" disabled>
        Insert…
      </option>
      <option value="image">Image…</option>
      <option value="table">Table</option>
      <option value="rule">Horizontal rule</option>
      <option value="more">More break (ends the excerpt)</option>
    </select>
  );
}
