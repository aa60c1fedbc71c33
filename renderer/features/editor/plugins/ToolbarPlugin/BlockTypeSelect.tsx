import type { LexicalEditor } from 'lexical';
import { MenuButton } from '../../../../components/MenuButton';
import { formatBlock } from './block-format';
import type { BlockType } from './useToolbarState';

const OPTIONS: [BlockType, string][] = [
  ['paragraph', 'Paragraph'],
  ['h2', 'Heading 2'],
  ['h3', 'Heading 3'],
  ['h4', 'Heading 4'],
  ['quote', 'Quote'],
  ['code', 'Code block'],
];

/** Paragraph, heading, quote or code block for the blocks the selection touches. */
export function BlockTypeSelect({ editor, blockType }: { editor: LexicalEditor; blockType: BlockType }) {
  const isList = blockType === 'bullet' || blockType === 'number';
  const current = isList ? 'List' : (OPTIONS.find(([value]) => value === blockType)?.[1] ?? 'Paragraph');
  return (
    <MenuButton
      className="toolbar__select"
      label={`Text style: ${current}`}
      title="Text style (type ## , ### , > or ``` at the start of a line)"
      items={OPTIONS.map(([value, label]) => ({
        label,
        checked: value === blockType,
        onSelect: () => {
          formatBlock(editor, value, blockType);
          editor.focus();
        },
      }))}
    >
      {current}
    </MenuButton>
  );
}
