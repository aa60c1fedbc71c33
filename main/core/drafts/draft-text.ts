/**
 * Plain text out of a draft's HTML, for word counts, snippets and search. Not a sanitiser: it only
 * reads, so a fast scan is enough and a 500 KB body takes a millisecond or two (autosave budget).
 */
const SKIPPED_ELEMENTS = ['script', 'style', 'template', 'noscript', 'title'];
const BLOCK_TAG =
  /^\/?(p|div|h[1-6]|li|ul|ol|blockquote|pre|br|hr|tr|td|th|table|figure|figcaption|dd|dt)\b/i;

export function htmlToText(html: string): string {
  const parts: string[] = [];
  let at = 0;
  while (at < html.length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      parts.push(html.slice(at));
      break;
    }
    if (open > at) parts.push(html.slice(at, open));
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close === -1 ? html.length : close + 3;
      continue;
    }
    const close = html.indexOf('>', open + 1);
    if (close === -1) break;
    const tag = html.slice(open + 1, close);
    const name = /^[a-z0-9]+/i.exec(tag)?.[0].toLowerCase() ?? '';
    if (SKIPPED_ELEMENTS.includes(name) && !tag.endsWith('/')) {
      const closing = new RegExp(`</${name}[^>]*>`, 'gi');
      closing.lastIndex = close;
      at = closing.exec(html) ? closing.lastIndex : html.length;
      continue;
    }
    parts.push(BLOCK_TAG.test(tag) ? '\n' : '');
    at = close + 1;
  }
  const text = parts.join('');
  return text.includes('&') ? decodeEntities(text) : text;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  copy: '©',
  reg: '®',
  trade: '™',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  pound: '£',
  euro: '€',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
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

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const UNDERSCORE = 95;
const HYPHEN = 45;

function isWordStart(code: number, char: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);
  return /[\p{L}\p{N}]/u.test(char);
}

/**
 * The same count as `countWords(htmlToText(html))` in one pass over the HTML without building the
 * text: the autosave path needs the count of a 500 KB body in well under a millisecond.
 */
export function countWordsInHtml(html: string): number {
  let words = 0;
  let inWord = false;
  let at = 0;
  const length = html.length;
  while (at < length) {
    const code = html.charCodeAt(at);
    if (code === 60) {
      if (html.startsWith('<!--', at)) {
        const close = html.indexOf('-->', at + 4);
        at = close === -1 ? length : close + 3;
        inWord = false;
        continue;
      }
      const close = html.indexOf('>', at + 1);
      if (close === -1) break;
      const tag = html.slice(at + 1, Math.min(close, at + 12));
      const name = /^[a-z0-9]+/i.exec(tag)?.[0].toLowerCase() ?? '';
      if (SKIPPED_ELEMENTS.includes(name) && html[close - 1] !== '/') {
        const closing = new RegExp(`</${name}[^>]*>`, 'gi');
        closing.lastIndex = close;
        at = closing.exec(html) ? closing.lastIndex : length;
        inWord = false;
        continue;
      }
      if (BLOCK_TAG.test(tag)) inWord = false;
      at = close + 1;
      continue;
    }
    if (code < 128 && code !== 38) {
      // Plain ASCII, most of any body: decided without making a string.
      if ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) {
        if (!inWord) words += 1;
        inWord = true;
      } else if (!inWord || !(code === APOSTROPHE || code === UNDERSCORE || code === HYPHEN)) {
        inWord = false;
      }
      at += 1;
      continue;
    }
    let char = html[at]!;
    let charCode = code;
    let step = 1;
    if (code === 38) {
      const entity = /^&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/i.exec(html.slice(at, at + 12));
      if (entity) {
        char = decodeEntities(entity[0]);
        charCode = char.codePointAt(0) ?? 32;
        step = entity[0].length;
      }
    } else if (code >= 0xd800 && code <= 0xdbff) {
      char = html.slice(at, at + 2);
      charCode = char.codePointAt(0)!;
      step = 2;
    }
    if (isWordStart(charCode, char)) {
      if (!inWord) words += 1;
      inWord = true;
    } else if (
      !inWord ||
      !(charCode === APOSTROPHE || charCode === RIGHT_QUOTE || charCode === UNDERSCORE || charCode === HYPHEN)
    ) {
      inWord = false;
    }
    at += step;
  }
  return words;
}

/** The text at the start of the body, enough for a snippet, without converting all of it. */
export function leadingText(html: string, characters: number): string {
  for (let size = characters * 4; ; size *= 4) {
    const text = htmlToText(html.slice(0, size));
    if (text.length >= characters * 2 || size >= html.length) return text;
  }
}
