import { useCallback, useMemo, useState } from 'react';
import type { PreviewSource } from '../preview/PostPreview';
import type { DraftSession } from './draft-session';

/**
 * What the open preview shows: the text as it is now, read again when the title changes and when
 * the body changes (`refreshPreview`, once typing pauses). Null while the preview is closed.
 */
export function useLivePreview(session: DraftSession, draftId: string, previewOpen: boolean, title: string) {
  const previewOf = useCallback((): PreviewSource => {
    const { title: now, html, blogId } = session.snapshot();
    return { title: now, html, blogId, draftId };
  }, [session, draftId]);
  const [bodyVersion, setBodyVersion] = useState(0);
  const refreshPreview = useCallback(() => setBodyVersion((count) => count + 1), []);
  const preview = useMemo(
    () => (previewOpen ? previewOf() : null),
    // title and bodyVersion say when the text changed; previewOf reads it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [previewOpen, previewOf, title, bodyVersion],
  );
  return { preview, refreshPreview };
}
