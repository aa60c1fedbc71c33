import type { LexicalEditor } from 'lexical';
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
  return (
    <select
      className="toolbar__select"
      aria-label="Text style"
      title="Text style (type ## , ### , > or ``` at the start of a line)"
      value={isList ? 'list' : blockType}
      onChange={(event) => formatBlock(editor, event.target.value as BlockType, blockType)}
    >
      {isList && (
        <option value="list" disabled>
          List
        </option>
      )}
      {OPTIONS.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
