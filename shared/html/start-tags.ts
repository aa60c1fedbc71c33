/**
 * A small HTML tokenizer that finds start tags and their attributes, following the HTML tokenizer's
 * rules for what matters here: comments, doctypes and CDATA are skipped, raw-text elements (script,
 * style, textarea, title, ...) are not searched for tags, attribute values may be quoted or not and
 * carry character references. Each attribute keeps its value's position, so a caller can rewrite one
 * value (an image `src`) without touching the rest of the document.
 */
export interface TagAttribute {
  name: string;
  value: string;
  /** Where the raw value sits in the source (without quotes); -1 for an attribute with no value. */
  valueStart: number;
  valueEnd: number;
}

export interface StartTag {
  name: string;
  attributes: TagAttribute[];
  start: number;
  end: number;
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
const SPACE = /[\t\n\f\r ]/;

export function* startTags(html: string): Generator<StartTag> {
  let at = 0;
  const length = html.length;
  while (at < length) {
    const open = html.indexOf('<', at);
    if (open < 0 || open + 1 >= length) return;
    const next = html[open + 1]!;
    if (next === '!') {
      at = skipMarkupDeclaration(html, open);
      continue;
    }
    if (next === '/' || next === '?') {
      const close = html.indexOf('>', open + 1);
      at = close < 0 ? length : close + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(next)) {
      at = open + 1;
      continue;
    }
    const tag = readStartTag(html, open);
    yield tag;
    at = tag.end;
    if (RAW_TEXT.has(tag.name)) at = skipRawText(html, at, tag.name);
  }
}

function skipMarkupDeclaration(html: string, open: number): number {
  if (html.startsWith('<!--', open)) {
    const close = html.indexOf('-->', open + 4);
    return close < 0 ? html.length : close + 3;
  }
  if (html.startsWith('<![CDATA[', open)) {
    const close = html.indexOf(']]>', open + 9);
    return close < 0 ? html.length : close + 3;
  }
  const close = html.indexOf('>', open + 2);
  return close < 0 ? html.length : close + 1;
}

function skipRawText(html: string, from: number, name: string): number {
  const lower = html.toLowerCase();
  let at = from;
  for (;;) {
    const close = lower.indexOf(`</${name}`, at);
    if (close < 0) return html.length;
    const after = html[close + name.length + 2];
    if (after === undefined || after === '>' || after === '/' || SPACE.test(after)) return close;
    at = close + 1;
  }
}

function readStartTag(html: string, open: number): StartTag {
  let at = open + 1;
  while (at < html.length && !SPACE.test(html[at]!) && html[at] !== '>' && html[at] !== '/') at++;
  const name = html.slice(open + 1, at).toLowerCase();
  const attributes: TagAttribute[] = [];
  while (at < html.length) {
    while (at < html.length && (SPACE.test(html[at]!) || html[at] === '/')) at++;
    if (at >= html.length) break;
    if (html[at] === '>') return { name, attributes, start: open, end: at + 1 };
    const nameStart = at;
    at++;
    while (at < html.length && !SPACE.test(html[at]!) && !'/>='.includes(html[at]!)) at++;
    const attributeName = html.slice(nameStart, at).toLowerCase();
    while (at < html.length && SPACE.test(html[at]!)) at++;
    if (html[at] !== '=') {
      attributes.push({ name: attributeName, value: '', valueStart: -1, valueEnd: -1 });
      continue;
    }
    at++;
    while (at < html.length && SPACE.test(html[at]!)) at++;
    const quote = html[at];
    let valueStart: number;
    let valueEnd: number;
    if (quote === '"' || quote === "'") {
      valueStart = at + 1;
      const close = html.indexOf(quote, valueStart);
      valueEnd = close < 0 ? html.length : close;
      at = close < 0 ? html.length : close + 1;
    } else {
      valueStart = at;
      while (at < html.length && !SPACE.test(html[at]!) && html[at] !== '>') at++;
      valueEnd = at;
    }
    attributes.push({
      name: attributeName,
      value: decodeCharacterReferences(html.slice(valueStart, valueEnd)),
      valueStart,
      valueEnd,
    });
  }
  return { name, attributes, start: open, end: html.length };
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The character references attribute values use in practice: the XML five, nbsp and numeric ones. */
export function decodeCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
        ? String.fromCodePoint(code)
        : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

export function attribute(tag: StartTag, name: string): string | undefined {
  return tag.attributes.find((entry) => entry.name === name)?.value;
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
