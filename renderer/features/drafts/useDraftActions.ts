import { useCallback } from 'react';
import type { DraftRevision, DraftSummary } from '../../../shared/model/draft';
import type { ToastMessage } from '../../components/Toast';
import { useCore } from '../../core/CoreContext';
import { downloadText } from './download';
import type { MenuItem } from './DraftMenu';
import { fullDate } from './format-date';
import type { OpenDraftState } from './useOpenDraft';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The open draft's text as the editor shows it, to compare revisions with. */
export interface RevisionsRequest {
  summary: DraftSummary;
  current: { title: string; html: string } | null;
}

interface Section {
  drafts: OpenDraftState;
  setProblem: (problem: string | null) => void;
  showToast: (toast: ToastMessage | null) => void;
  setTrash: (trash: boolean) => void;
  setQuery: (query: string) => void;
  setRevisionsOf: (request: RevisionsRequest | null) => void;
}

/**
 * What the author does to drafts in this section. Each action saves the open draft first when it
 * would replace or read it, and a failure becomes the one-sentence problem above the editor.
 */
export function useDraftActions({
  drafts,
  setProblem,
  showToast,
  setTrash,
  setQuery,
  setRevisionsOf,
}: Section) {
  const core = useCore();
  const { current, settle, show } = drafts;

  const run = useCallback(
    async (action: () => Promise<void>) => {
      setProblem(null);
      try {
        await action();
      } catch (error) {
        setProblem(message(error));
      }
    },
    [setProblem],
  );

  const openDraft = (id: string) =>
    run(async () => {
      if (current.current?.draft.id === id) return;
      if (!(await settle())) return;
      setTrash(false);
      show(await core.call('drafts-get', { id }));
    });

  /** An empty draft, or one from a post template (its dates written for today). */
  const newDraft = (templateId?: string) =>
    run(async () => {
      if (!(await settle())) return;
      setTrash(false);
      setQuery('');
      const made = templateId
        ? core.call('post-templates-new-draft', { id: templateId })
        : core.call('drafts-create', {});
      show(await made, true);
    });

  const restoreRevision = (summary: DraftSummary, revision: DraftRevision, undoable = true) =>
    run(async () => {
      setRevisionsOf(null);
      if (!(await settle())) return;
      show(await core.call('drafts-restore-revision', { id: summary.id, revisionId: revision.id }));
      if (!undoable) return;
      // The text it replaced was kept as the newest revision: restoring that one undoes this.
      const [replaced] = await core.call('drafts-revisions', { id: summary.id });
      showToast({
        text: `Restored the version of ${fullDate(revision.savedAt)}.`,
        ...(replaced
          ? { action: { label: 'Undo', run: () => void restoreRevision(summary, replaced, false) } }
          : {}),
      });
    });

  const trashDraft = (summary: DraftSummary) =>
    run(async () => {
      const wasOpen = current.current?.draft.id === summary.id;
      if (wasOpen) {
        if (!(await settle())) return;
        show(null);
      }
      await core.call('drafts-delete', { id: summary.id });
      showToast({
        text: `Moved “${summary.title || 'Untitled'}” to the trash.`,
        action: {
          label: 'Undo',
          run: () =>
            void run(async () => {
              await core.call('drafts-restore', { id: summary.id });
              if (wasOpen && !current.current) show(await core.call('drafts-get', { id: summary.id }));
            }),
        },
      });
    });

  const exportDraft = (summary: { id: string }, format: 'html' | 'md') =>
    run(async () => {
      if (current.current?.draft.id === summary.id && !(await settle())) return;
      const file = await core.call('drafts-export', { id: summary.id, format });
      downloadText(file.filename, file.content, format === 'html' ? 'text/html' : 'text/markdown');
    });

  const showRevisions = (summary: DraftSummary) =>
    run(async () => {
      const shown = current.current?.draft.id === summary.id ? current.current.session : null;
      if (shown && !(await settle())) return;
      setRevisionsOf({ summary, current: shown?.snapshot() ?? null });
    });

  const duplicateDraft = (summary: DraftSummary) =>
    run(async () => {
      if (current.current?.draft.id === summary.id && !(await settle())) return;
      const copy = await core.call('drafts-duplicate', { id: summary.id });
      if (await settle()) show(copy);
    });

  const restoreFromTrash = (summary: DraftSummary) =>
    run(async () => void (await core.call('drafts-restore', { id: summary.id })));

  const emptyTrash = () => run(async () => void (await core.call('drafts-empty-trash', {})));

  const importFile = (file: File | undefined) =>
    run(async () => {
      if (!file || !(await settle())) return;
      setTrash(false);
      show(await core.call('drafts-import', { filename: file.name, content: await file.text() }));
    });

  /** The ⋯ menu of a draft in the list, or of one in the trash. */
  const menuItems = (summary: DraftSummary, inTrash: boolean): MenuItem[] =>
    inTrash
      ? [{ label: 'Restore', onSelect: () => void restoreFromTrash(summary) }]
      : [
          { label: 'Duplicate', onSelect: () => void duplicateDraft(summary) },
          { label: 'Export as HTML', onSelect: () => void exportDraft(summary, 'html') },
          { label: 'Export as Markdown', onSelect: () => void exportDraft(summary, 'md') },
          { label: 'Revisions…', onSelect: () => void showRevisions(summary) },
          { label: 'Move to trash', danger: true, onSelect: () => void trashDraft(summary) },
        ];

  return {
    openDraft,
    newDraft,
    restoreRevision,
    trashDraft,
    exportDraft,
    showRevisions,
    emptyTrash,
    importFile,
    menuItems,
  };
}

export type DraftActions = ReturnType<typeof useDraftActions>;
