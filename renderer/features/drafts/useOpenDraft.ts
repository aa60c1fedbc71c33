import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { Draft } from '../../../shared/model/draft';
import { useUiState } from '../../app/UiStateContext';
import { useCore } from '../../core/CoreContext';
import { DraftSession } from '../editor/draft-session';

export interface OpenDraft {
  draft: Draft;
  session: DraftSession;
  /** Changes when the same draft is reloaded (a revision restored), so the editor starts afresh. */
  version: number;
  /** Just made with New draft: the title takes the focus. */
  fresh: boolean;
  /** Open again on coming back to the section: the text takes the focus, if nothing else has it. */
  returning: boolean;
}

export interface OpenDraftState {
  open: OpenDraft | null;
  /** The open draft as of now, for actions that run after a render. */
  current: RefObject<OpenDraft | null>;
  /** Shows a draft (or none), ending the session of the one it replaces. */
  show: (draft: Draft | null, fresh?: boolean, returning?: boolean) => void;
  /** Saves the open draft before anything replaces it; false if it could not be saved. */
  settle: () => Promise<boolean>;
  /** A newer version saved elsewhere while this one has unsaved edits: the author chooses. */
  conflict: Draft | null;
  setConflict: (theirs: Draft | null) => void;
}

/**
 * The draft open in the editor and its save session: one at a time, the last one remembered in
 * ui-state.json, its session ended when it is replaced or the section closes. `onUnsaved` hears why
 * a draft stayed open.
 */
export function useOpenDraft(onUnsaved: (problem: string) => void): OpenDraftState {
  const core = useCore();
  const ui = useUiState();
  const [open, setOpen] = useState<OpenDraft | null>(null);
  const [conflict, setConflict] = useState<Draft | null>(null);
  const current = useRef<OpenDraft | null>(null);
  const version = useRef(0);

  const settle = useCallback(async (): Promise<boolean> => {
    const session = current.current?.session;
    if (!session) return true;
    await session.flush();
    if (session.hasUnsavedChanges()) {
      onUnsaved('The open draft could not be saved, so it stays open. Check the message under the editor.');
      return false;
    }
    return true;
  }, [onUnsaved]);

  const show = useCallback(
    (draft: Draft | null, fresh = false, returning = false) => {
      current.current?.session.dispose();
      setConflict(null);
      const next = draft
        ? {
            draft,
            session: new DraftSession(draft.id, draft, (save, baseUpdatedAt) =>
              core.call('drafts-save', { draft: save, baseUpdatedAt }),
            ),
            version: ++version.current,
            fresh,
            returning,
          }
        : null;
      current.current = next;
      setOpen(next);
      ui.update({ lastDraftId: draft?.id ?? null });
    },
    [core, ui],
  );

  useEffect(() => () => current.current?.session.dispose(), []);

  return { open, current, show, settle, conflict, setConflict };
}
