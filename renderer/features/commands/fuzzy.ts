/**
 * How well `query` matches `text` as a fuzzy search (its letters in order, not necessarily side by
 * side), or null when it does not. Matches at the start of words and runs of letters score higher,
 * so "np" finds "New Post" before "Open Preview".
 */
export function fuzzyScore(query: string, text: string): number | null {
  const needle = query.toLowerCase().replace(/\s+/g, '');
  if (!needle) return 0;
  const haystack = text.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (const char of needle) {
    const at = haystack.indexOf(char, from);
    if (at === -1) return null;
    const wordStart = at === 0 || /[\s\-_./…]/.test(haystack[at - 1]!);
    score += 1 + (wordStart ? 8 : 0) + (at === previous + 1 ? 5 : 0) - Math.min(at - from, 10) * 0.1;
    previous = at;
    from = at + 1;
  }
  return score - haystack.length * 0.01;
}

/** `items` that match `query`, best first; equal scores keep their order. */
export function fuzzyFilter<T>(items: readonly T[], query: string, textOf: (item: T) => string): T[] {
  if (!query.trim()) return [...items];
  return items
    .map((item, order) => ({ item, order, score: fuzzyScore(query, textOf(item)) }))
    .filter((entry): entry is { item: T; order: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((entry) => entry.item);
}
