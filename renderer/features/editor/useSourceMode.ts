import type { LexicalEditor } from 'lexical';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Draft } from '../../../shared/model/draft';
import type { DraftSession } from './draft-session';

/** The body as rich text (null), or as its HTML or Markdown source. */
export type SourceMode = 'html' | 'markdown' | null;

/**
 * Which form the body is edited in. A draft kept in Markdown opens in its Markdown source; the
 * caret goes to a source view the author opens, and back to the body when they leave it.
 */
export function useSourceMode(
  draft: Draft,
  session: DraftSession,
  editorRef: RefObject<LexicalEditor | null>,
) {
  const [sourceMode, setSourceMode] = useState<SourceMode>(draft.markdown ? 'markdown' : null);
  const [focusSource, setFocusSource] = useState(false);
  const toggleSource = (mode: SourceMode) => {
    setFocusSource(true);
    setSourceMode((now) => (now === mode ? null : mode));
  };
  // The draft is kept in the form the author left it in: Markdown, or rich text (HTML is a look only).
  useEffect(() => {
    if (sourceMode === 'html') return;
    const markdown = sourceMode === 'markdown';
    if ((session.getFields().markdown ?? false) !== markdown) session.setFields({ markdown });
  }, [session, sourceMode]);

  // Back from a source view, the caret is in the body again, in the block it was in there.
  const wasSource = useRef(false);
  useEffect(() => {
    if (sourceMode === null && wasSource.current) editorRef.current?.focus();
    wasSource.current = sourceMode !== null;
  }, [sourceMode, editorRef]);

  return { sourceMode, focusSource, toggleSource };
}
