import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND, REDO_COMMAND, UNDO_COMMAND } from 'lexical';
import { OPEN_LINK_EDITOR_COMMAND } from '../LinkEditorPlugin';
import { TableSelect } from '../TablePlugin/TableSelect';
import { BlockTypeSelect } from './BlockTypeSelect';
import { formatBlock } from './block-format';
import { icons } from './icons';
import { InsertSelect } from './InsertSelect';
import { shortcutLabel } from './shortcut-label';
import { ToolbarButton, ToolbarGroup } from './ToolbarButton';
import { useRovingToolbar } from './useRovingToolbar';
import { useToolbarState } from './useToolbarState';

/** The formatting bar above the body; in the HTML source view it rests. */
export function ToolbarPlugin({ sourceMode }: { sourceMode: boolean }) {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState(editor);
  const roving = useRovingToolbar();
  const off = sourceMode;
  const format = (kind: 'bold' | 'italic' | 'underline' | 'strikethrough' | 'code') =>
    editor.dispatchCommand(FORMAT_TEXT_COMMAND, kind);

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting" {...roving}>
      <ToolbarGroup label="History">
        <ToolbarButton
          label="Undo"
          shortcut={shortcutLabel('Z')}
          disabled={off || !state.canUndo}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          {icons.undo}
        </ToolbarButton>
        <ToolbarButton
          label="Redo"
          shortcut={shortcutLabel('Z', true)}
          disabled={off || !state.canRedo}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          {icons.redo}
        </ToolbarButton>
      </ToolbarGroup>
      <ToolbarGroup label="Block">
        {!off && <BlockTypeSelect editor={editor} blockType={state.blockType} />}
      </ToolbarGroup>
      <ToolbarGroup label="Text">
        <ToolbarButton
          label="Bold"
          shortcut={shortcutLabel('B')}
          pressed={state.bold}
          disabled={off}
          onClick={() => format('bold')}
        >
          {icons.bold}
        </ToolbarButton>
        <ToolbarButton
          label="Italic"
          shortcut={shortcutLabel('I')}
          pressed={state.italic}
          disabled={off}
          onClick={() => format('italic')}
        >
          {icons.italic}
        </ToolbarButton>
        <ToolbarButton
          label="Underline"
          shortcut={shortcutLabel('U')}
          pressed={state.underline}
          disabled={off}
          onClick={() => format('underline')}
        >
          {icons.underline}
        </ToolbarButton>
        <ToolbarButton
          label="Strikethrough"
          shortcut={shortcutLabel('X', true)}
          pressed={state.strikethrough}
          disabled={off}
          onClick={() => format('strikethrough')}
        >
          {icons.strike}
        </ToolbarButton>
        <ToolbarButton label="Inline code" pressed={state.code} disabled={off} onClick={() => format('code')}>
          {icons.code}
        </ToolbarButton>
        <ToolbarButton
          label="Link"
          shortcut={shortcutLabel('K')}
          pressed={state.link}
          disabled={off}
          onClick={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}
        >
          {icons.link}
        </ToolbarButton>
      </ToolbarGroup>
      <ToolbarGroup label="Lists">
        <ToolbarButton
          label="Bulleted list"
          shortcut="* then space; Tab indents, Shift+Tab outdents"
          pressed={state.blockType === 'bullet'}
          disabled={off}
          onClick={() => formatBlock(editor, 'bullet', state.blockType)}
        >
          {icons.bullet}
        </ToolbarButton>
        <ToolbarButton
          label="Numbered list"
          shortcut="1. then space; Tab indents, Shift+Tab outdents"
          pressed={state.blockType === 'number'}
          disabled={off}
          onClick={() => formatBlock(editor, 'number', state.blockType)}
        >
          {icons.number}
        </ToolbarButton>
      </ToolbarGroup>
      <ToolbarGroup label="Insert">
        {!off && <InsertSelect editor={editor} />}
        {!off && <TableSelect editor={editor} />}
      </ToolbarGroup>
    </div>
  );
}
