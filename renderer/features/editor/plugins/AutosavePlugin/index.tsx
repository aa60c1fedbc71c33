import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect } from 'react';
import { $exportBodyHtml } from '../../html/body-html';
import type { DraftSession } from '../../draft-session';
import { countWords } from '../WordCountPlugin';
import { isContentChange } from './content-change';

/**
 * Connects the editor to its draft session. A content change only marks the draft dirty (a timer
 * restart); the session reads the state and renders HTML when it saves, once typing has paused.
 * Leaving the page saves what is pending first.
 */
export function AutosavePlugin({ session }: { session: DraftSession }) {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    const detach = session.attachBody(() => ({
      editorState: JSON.stringify(editor.getEditorState().toJSON()),
      html: editor.read(() => $exportBodyHtml(editor)),
      editorWordCount: editor.read(() => countWords($getRoot().getTextContent()).words),
    }));
    const unregister = editor.registerUpdateListener((update) => {
      if (!update.prevEditorState.isEmpty() && isContentChange(editor, update)) session.markDirty();
    });
    // An async save started here still goes out: the request is sent before the page goes away.
    const saveBeforeLeaving = () => {
      if (session.hasUnsavedChanges()) void session.flush();
    };
    const onHidden = () => document.visibilityState === 'hidden' && saveBeforeLeaving();
    window.addEventListener('beforeunload', saveBeforeLeaving);
    window.addEventListener('pagehide', saveBeforeLeaving);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      unregister();
      window.removeEventListener('beforeunload', saveBeforeLeaving);
      window.removeEventListener('pagehide', saveBeforeLeaving);
      document.removeEventListener('visibilitychange', onHidden);
      detach();
    };
  }, [editor, session]);

  return null;
}
