import type { DraftSummary } from '../../shared/model/draft';

/** One draft as a line of `drafts list` and `drafts search`: id, status, last edit, title. */
export function draftRow(draft: DraftSummary): string {
  const status = draft.trashedAt ? 'trashed' : draft.status;
  return [
    draft.id,
    status.padEnd(9),
    draft.updatedAt.slice(0, 16).replace('T', ' '),
    draft.title || '(untitled)',
  ].join('  ');
}

export function draftRows(drafts: DraftSummary[], empty: string): string {
  return drafts.length === 0 ? empty : drafts.map(draftRow).join('\n');
}

/** What `drafts list` prints without --json: the rows, or what to do when there are none. */
export function draftListText(drafts: DraftSummary[], trash: boolean): string {
  return draftRows(
    drafts,
    trash ? 'The trash is empty.' : 'No drafts yet. Create one with `postwright drafts new --title "..."`.',
  );
}
