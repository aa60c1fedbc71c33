import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type UpdateListenerPayload } from 'lexical';
import { useEffect } from 'react';
import { $exportBodyHtml } from '../../html/body-html';
import type { DraftSession } from '../../draft-session';
import { countWords } from '../WordCountPlugin';

/**
 * Whether an update changed the text or structure. Plugins that register node transforms mark
 * every node of their type dirty when they start, without changing anything: that must not count
 * as an edit (opening a draft would save it and move it to the top of the list).
 */
function changedContent({ dirtyElements, dirtyLeaves, editorState, prevEditorState }: UpdateListenerPayload) {
  const before = prevEditorState._nodeMap;
  const after = editorState._nodeMap;
  const differs = (key: string) => {
    const old = before.get(key);
    const now = after.get(key);
    if (!old || !now) return old !== now;
    for (const field of Object.keys(now) as (keyof typeof now & string)[]) {
      // The root caches its text on the next state; that is bookkeeping, not an edit.
      if ((field as string) !== '__cachedText' && old[field] !== now[field]) return true;
    }
    return false;
  };
  for (const key of dirtyLeaves) if (differs(key)) return true;
  for (const key of dirtyElements.keys()) if (key !== 'root' && differs(key)) return true;
  return dirtyElements.has('root') && differs('root');
}

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
      if (!update.prevEditorState.isEmpty() && changedContent(update)) session.markDirty();
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
