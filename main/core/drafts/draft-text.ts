import { Parser } from 'htmlparser2';

/**
 * Plain text out of a draft's HTML, for word counts, snippets, search and event detection, read by
 * htmlparser2: entities decoded, comments dropped, and a line break where a block starts or ends.
 */
const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template', 'noscript', 'title']);
const BLOCK_ELEMENTS = new Set(
  'p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre br hr tr td th table figure figcaption dd dt'.split(' '),
);

/** `leaveOut` names more elements whose text is not wanted (event detection leaves out event blocks). */
export function htmlToText(
  html: string,
  leaveOut: (name: string, attributes: Record<string, string>) => boolean = () => false,
): string {
  const parts: string[] = [];
  // Elements whose text is not prose, by their depth: each one opened is closed once, by its end tag or implicitly.
  const skipping: number[] = [];
  let depth = 0;
  new Parser({
    onopentag(name, attributes) {
      depth += 1;
      if (SKIPPED_ELEMENTS.has(name) || leaveOut(name, attributes)) skipping.push(depth);
      else if (skipping.length === 0 && BLOCK_ELEMENTS.has(name)) parts.push('\n');
    },
    // Only written end tags break a line: an implied one (`<br>`, a `<p>` before the next) would double it.
    onclosetag(name, isImplied) {
      if (skipping.at(-1) === depth) skipping.pop();
      else if (skipping.length === 0 && !isImplied && BLOCK_ELEMENTS.has(name)) parts.push('\n');
      depth -= 1;
    },
    ontext(text) {
      if (skipping.length === 0) parts.push(text);
    },
  }).end(html);
  return parts.join('');
}

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu);
  return words ? words.length : 0;
}

const SNIPPET_LENGTH = 160;

/** The first ~160 characters of text, cut at a word boundary. */
export function snippetOf(text: string): string {
  const flat = text
    .slice(0, SNIPPET_LENGTH * 4)
    .replace(/\s+/g, ' ')
    .trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const cut = flat.lastIndexOf(' ', SNIPPET_LENGTH);
  return `${flat.slice(0, cut > SNIPPET_LENGTH / 2 ? cut : SNIPPET_LENGTH)}…`;
}

/** Search compares lower-case text with accents removed, so "cafe" finds "Café". */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}+/gu, '');
}

export function queryWords(query: string): string[] {
  return foldForSearch(query)
    .split(/\s+/)
    .filter((word) => word.length > 0);
}

/** The text at the start of the body, enough for a snippet, without converting all of it. */
export function leadingText(html: string, characters: number): string {
  for (let size = characters * 4; ; size *= 4) {
    const text = htmlToText(html.slice(0, size));
    if (text.length >= characters * 2 || size >= html.length) return text;
  }
}
