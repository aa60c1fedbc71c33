import { diffWords } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'FIGURE',
]);

/** A post's text as the author reads it: words, with a blank line between paragraphs, list items, headings. */
export function textOfHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
    else if (node instanceof Element) {
      if (node.tagName === 'BR') out.push('\n');
      else if (node.tagName === 'IMG')
        out.push(`[image${node.getAttribute('alt') ? `: ${node.getAttribute('alt')}` : ''}]`);
      node.childNodes.forEach(walk);
      if (BLOCKS.has(node.tagName)) out.push('\n\n');
    }
  };
  walk(doc.body);
  return out
    .join('')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** What changed from `before` to `after`, word by word (jsdiff's diffWords). */
export function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }));
}

/** How many words were added and removed: the summary above a diff. */
export function diffCounts(parts: DiffPart[]): { added: number; removed: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  return parts.reduce(
    (counts, part) => ({
      added: counts.added + (part.kind === 'added' ? words(part.text) : 0),
      removed: counts.removed + (part.kind === 'removed' ? words(part.text) : 0),
    }),
    { added: 0, removed: 0 },
  );
}
