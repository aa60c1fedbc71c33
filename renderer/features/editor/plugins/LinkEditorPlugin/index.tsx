import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { OPEN_LINK_EDITOR_COMMAND } from './link-selection';
import { LinkPopover } from './LinkPopover';
import { useLinkBox } from './useLinkBox';
import { useLinkEdits } from './useLinkEdits';

export { OPEN_LINK_EDITOR_COMMAND } from './link-selection';
export { LINK_RULE } from './useLinkEdits';

/**
 * A small floating editor: shows the link under the caret; inserts, edits and removes links.
 * While the address is typed the editor is left alone (its selection is kept aside, and the page's
 * selection is not redrawn), so every key lands in the address field.
 */
export function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const box = useLinkBox(editor);
  const { shown } = box;
  const { apply, remove, removeUnderCaret, cancel } = useLinkEdits(editor, box);

  if (!shown) return null;
  if (shown.mode === 'edit')
    return (
      <LinkPopover
        mode="edit"
        rect={shown.rect}
        url={shown.url}
        existing={shown.existing}
        onSave={apply}
        onRemove={remove}
        onCancel={cancel}
      />
    );
  return (
    <LinkPopover
      mode="view"
      rect={shown.rect}
      url={shown.url}
      existing
      onEdit={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}
      onRemove={removeUnderCaret}
    />
  );
}
