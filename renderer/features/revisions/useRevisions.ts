import { useEffect, useState } from 'react';
import type { Draft, DraftRevision } from '../../../shared/model/draft';
import { useCore } from '../../core/CoreContext';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

type Text = { title: string; html: string };

/**
 * A draft's revisions, the one chosen (the newest at first) and its text once read, and the text to
 * compare it with: the editor's, else the draft as saved. What cannot be read becomes `error`.
 */
export function useRevisions(draftId: string, current: Text | null) {
  const core = useCore();
  const [revisions, setRevisions] = useState<DraftRevision[] | null>(null);
  const [chosen, setChosen] = useState<DraftRevision | null>(null);
  const [read, setRead] = useState<{ id: string; draft: Draft } | null>(null);
  const version = read && read.id === chosen?.id ? read.draft : null;
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Text | null>(null);
  const now = current ?? saved;

  useEffect(() => {
    if (current) return;
    let live = true;
    core
      .call('drafts-get', { id: draftId })
      .then((draft) => live && setSaved({ title: draft.title, html: draft.html }))
      .catch((failure: unknown) => live && setError(`The draft could not be read: ${message(failure)}`));
    return () => {
      live = false;
    };
  }, [core, draftId, current]);

  useEffect(() => {
    let live = true;
    core
      .call('drafts-revisions', { id: draftId })
      .then((list) => {
        if (!live) return;
        setRevisions(list);
        setChosen(list[0] ?? null);
      })
      .catch((failure: unknown) => live && setError(`The revisions could not be read: ${message(failure)}`));
    return () => {
      live = false;
    };
  }, [core, draftId]);

  useEffect(() => {
    if (!chosen) return;
    let live = true;
    core
      .call('drafts-revision-get', { id: draftId, revisionId: chosen.id })
      .then((draft) => live && setRead({ id: chosen.id, draft }))
      .catch((failure: unknown) => live && setError(`That version could not be read: ${message(failure)}`));
    return () => {
      live = false;
    };
  }, [core, draftId, chosen]);

  return { revisions, chosen, setChosen, version, now, error };
}
