import { INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import type { LexicalEditor } from 'lexical';
import { MenuButton } from '../../../../components/MenuButton';
import { $createMoreBreakNode } from '../../nodes/MoreBreakNode';
import { PICK_IMAGE_COMMAND } from '../ImagesPlugin';
import { insertTable } from '../TablePlugin/table-actions';

const ACTIONS: [string, (editor: LexicalEditor) => void][] = [
  ['Image…', (editor) => editor.dispatchCommand(PICK_IMAGE_COMMAND, undefined)],
  ['Table', insertTable],
  ['Horizontal rule', (editor) => editor.dispatchCommand(INSERT_HORIZONTAL_RULE_COMMAND, undefined)],
  [
    'More break (ends the excerpt)',
    (editor) => editor.update(() => void $insertNodeToNearestRoot($createMoreBreakNode())),
  ],
];

/** Things that go into the body as a whole: an image, a table, a rule, the "more" break. */
export function InsertSelect({ editor }: { editor: LexicalEditor }) {
  return (
    <MenuButton
      className="toolbar__select toolbar__select--insert"
      label="Insert"
      title="Insert an image (or paste or drop one), a table, a horizontal rule, or the “more” break"
      items={ACTIONS.map(([label, act]) => ({
        label,
        onSelect: () => {
          act(editor);
          editor.focus();
        },
      }))}
    >
      Insert
    </MenuButton>
  );
}
