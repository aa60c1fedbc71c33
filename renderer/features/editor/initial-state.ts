import { $generateNodesFromSerializedNodes } from '@lexical/clipboard';
import { $createParagraphNode, $getRoot, type LexicalEditor, type SerializedEditorState } from 'lexical';
import type { Draft } from '../../../shared/model/draft';
import { $replaceBodyWithHtml } from './html/body-html';

/**
 * Fills a new editor with a draft: from its Lexical state when it has one, else from its HTML
 * (drafts made by the CLI, an import or a digest). A state this version cannot read falls back to
 * the HTML rendition saved beside it, so a draft always opens.
 */
export function loadDraftInto(draft: Draft) {
  return (editor: LexicalEditor) => {
    const root = $getRoot();
    if (draft.editorState) {
      try {
        const state = JSON.parse(draft.editorState) as SerializedEditorState;
        const nodes = $generateNodesFromSerializedNodes(state.root.children);
        root.clear().append(...nodes);
        if (root.getChildrenSize() === 0) root.append($createParagraphNode());
        return;
      } catch (error) {
        console.warn('The saved editor state could not be read; opening the HTML instead.', error);
      }
    }
    $replaceBodyWithHtml(editor, draft.html);
  };
}
