import type { Bookmark, NewLink } from '../model/bookmark';

/** Tags compare without case; the first spelling wins. */
export function mergeTags(first: string[], second: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of [...first, ...second]) {
    const clean = tag.trim();
    const lower = clean.toLowerCase();
    if (!clean || seen.has(lower)) continue;
    seen.add(lower);
    out.push(clean);
  }
  return out;
}

/** The same words, whatever the spacing and case. */
export function sameText(a: string, b: string): boolean {
  const squash = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
  return squash(a) !== '' && squash(a) === squash(b);
}

/**
 * The same page arrived again: keep one link with the earliest date, the author's text where it
 * already has some (an empty field takes the newcomer's, unless those words are already the
 * link's other text: a comment never comes back as the quote too), and both sets of tags.
 */
export function mergeLink(existing: Bookmark, incoming: NewLink, now: string): Bookmark {
  const earlier =
    incoming.addedAt && Date.parse(incoming.addedAt) < Date.parse(existing.addedAt)
      ? new Date(incoming.addedAt).toISOString()
      : existing.addedAt;
  const keep = (current: string, offered: string | undefined) => (current.trim() ? current : (offered ?? ''));
  const description = keep(existing.description, incoming.description);
  const comment = keep(existing.comment, incoming.comment);
  const repeated = sameText(description, comment);
  return {
    ...existing,
    title: keep(existing.title, incoming.title),
    // When both hold the same words, the one the link already had stays.
    description: repeated && !existing.description.trim() ? '' : description,
    comment: repeated && existing.description.trim() ? existing.comment : comment,
    tags: mergeTags(existing.tags, incoming.tags ?? []),
    addedAt: earlier,
    // Bringing back a deleted link undeletes it: the author wants it again.
    deletedAt: null,
    updatedAt: now,
  };
}
