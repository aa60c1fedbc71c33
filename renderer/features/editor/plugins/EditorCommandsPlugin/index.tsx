import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { FORMAT_TEXT_COMMAND, type TextFormatType } from 'lexical';
import { useCommand } from '../../../commands/CommandsContext';
import { OPEN_LINK_EDITOR_COMMAND } from '../LinkEditorPlugin';

/**
 * The app's commands that act on the body (the menu's Link…, the palette's Bold), run as the
 * editor's own keys would run them.
 */
export function EditorCommandsPlugin({ onSave }: { onSave: () => void }) {
  const [editor] = useLexicalComposerContext();
  const format = (type: TextFormatType) => () => {
    editor.focus();
    editor.dispatchCommand(FORMAT_TEXT_COMMAND, type);
  };
  useCommand('file.save', onSave);
  useCommand('edit.link', () => {
    editor.focus();
    editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined);
  });
  useCommand('editor.bold', format('bold'));
  useCommand('editor.italic', format('italic'));
  useCommand('editor.underline', format('underline'));
  useCommand('editor.strikethrough', format('strikethrough'));
  return null;
}
