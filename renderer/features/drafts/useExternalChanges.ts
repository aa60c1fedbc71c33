import { useEffect, useRef, type RefObject } from 'react';
import type { Draft } from '../../../shared/model/draft';
import { useCore, useCoreEvent } from '../../core/CoreContext';
import type { DraftSession } from '../editor/draft-session';

const sameText = (draft: Draft, mine: { title: string; html: string }) =>
  draft.title === mine.title && draft.html === mine.html;

/**
 * Watches the open draft for changes made outside this window: the command line (seen when the app
 * checks the folders) or another window of the same app. With no unsaved edits the editor reloads
 * the new version (`onReload`); with unsaved edits the author chooses (`onConflict`). The editor's
 * saves carry the version they build on, so a save over a newer version is refused by the core and
 * ends here too: nothing is overwritten silently.
 */
export function useExternalChanges(
  open: RefObject<{ draft: Draft; session: DraftSession } | null>,
  session: DraftSession | null,
  handlers: { onReload: (theirs: Draft) => void; onConflict: (theirs: Draft) => void },
) {
  const core = useCore();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  const examine = async (session: DraftSession, updatedAt: string | null) => {
    await session.settled();
    if (open.current?.session !== session || (updatedAt !== null && updatedAt <= session.baseVersion()))
      return;
    const theirs = await core.call('drafts-get', { id: session.draftId }).catch(() => null);
    if (!theirs || open.current?.session !== session || theirs.updatedAt === session.baseVersion()) return;
    if (theirs.trashedAt) return;
    if (sameText(theirs, session.snapshot())) {
      // The same words were saved elsewhere: build on that version, saving ours only if it waits.
      if (session.hasUnsavedChanges()) await session.keepMine(theirs.updatedAt);
      else session.adopt(theirs.updatedAt);
    } else if (!session.hasUnsavedChanges()) latest.current.onReload(theirs);
    else latest.current.onConflict(theirs);
  };

  useCoreEvent('draft-changed', (summary) => {
    const shown = open.current?.session;
    if (shown && summary.id === shown.draftId && summary.updatedAt !== shown.baseVersion())
      void examine(shown, summary.updatedAt);
  });

  // A save the core refused because the draft on disk is newer.
  useEffect(() => {
    if (!session) return;
    return session.subscribe((state) => {
      if (state.kind === 'conflict') void examine(session, null);
    });
    // examine reads only refs and the core.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);
}
