import { decodeEntities } from './entities';

export type HtmlToken =
  | { type: 'start'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { type: 'end'; name: string }
  | { type: 'text'; text: string };

/** Elements whose content is not markup: script and style are skipped, title and textarea are text. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'noembed', 'noframes']);
const ESCAPABLE_RAW_TEXT = new Set(['title', 'textarea']);

/**
 * A small HTML tokenizer for reading untrusted pages and bookmark files: tags with their attributes
 * (lower-cased names, decoded values), decoded text, comments and doctypes skipped. It never builds
 * a document, runs nothing and has no recursion, so hostile markup can only make it finish early.
 * It is not a full HTML5 parser: it is enough for `<head>` metadata and Netscape bookmark files.
 */
export function* tokenizeHtml(html: string): Generator<HtmlToken> {
  let at = 0;
  const length = html.length;
  while (at < length) {
    const open = html.indexOf('<', at);
    if (open === -1) {
      yield { type: 'text', text: decodeEntities(html.slice(at)) };
      return;
    }
    if (open > at) yield { type: 'text', text: decodeEntities(html.slice(at, open)) };
    const next = html[open + 1] ?? '';
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      at = close === -1 ? length : close + 3;
      continue;
    }
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', open + 2);
      at = close === -1 ? length : close + 1;
      continue;
    }
    if (next === '/' && /[a-zA-Z]/.test(html[open + 2] ?? '')) {
      const close = html.indexOf('>', open + 2);
      const name = /^[a-zA-Z][^\s/>]*/.exec(html.slice(open + 2, open + 66))?.[0] ?? '';
      yield { type: 'end', name: name.toLowerCase() };
      at = close === -1 ? length : close + 1;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      yield { type: 'text', text: '<' };
      at = open + 1;
      continue;
    }
    const tag = readStartTag(html, open + 1);
    yield { type: 'start', name: tag.name, attrs: tag.attrs, selfClosing: tag.selfClosing };
    at = tag.end;
    if (!tag.selfClosing && (RAW_TEXT.has(tag.name) || ESCAPABLE_RAW_TEXT.has(tag.name))) {
      const close = findClosingTag(html, tag.name, at);
      if (ESCAPABLE_RAW_TEXT.has(tag.name)) {
        yield { type: 'text', text: decodeEntities(html.slice(at, close.start)) };
      }
      yield { type: 'end', name: tag.name };
      at = close.end;
    }
  }
}

function readStartTag(
  html: string,
  from: number,
): { name: string; attrs: Record<string, string>; selfClosing: boolean; end: number } {
  let at = from;
  while (at < html.length && !/[\s/>]/.test(html[at]!)) at++;
  const name = html.slice(from, at).toLowerCase();
  // No prototype: an attribute called __proto__ or constructor is just a name here.
  const attrs = Object.create(null) as Record<string, string>;
  let selfClosing = false;
  while (at < html.length) {
    const char = html[at]!;
    if (char === '>') return { name, attrs, selfClosing, end: at + 1 };
    if (/\s/.test(char)) {
      at++;
      continue;
    }
    if (char === '/') {
      selfClosing = html[at + 1] === '>';
      at++;
      continue;
    }
    const nameStart = at;
    while (at < html.length && !/[\s/>=]/.test(html[at]!)) at++;
    // A stray quote or = at a name's start is part of the name (as in browsers); move on regardless.
    if (at === nameStart) at++;
    const attrName = html.slice(nameStart, at).toLowerCase();
    while (at < html.length && /\s/.test(html[at]!)) at++;
    let value = '';
    if (html[at] === '=') {
      at++;
      while (at < html.length && /\s/.test(html[at]!)) at++;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        const end = close === -1 ? html.length : close;
        value = html.slice(at + 1, end);
        at = end + 1;
      } else {
        const start = at;
        while (at < html.length && !/[\s>]/.test(html[at]!)) at++;
        value = html.slice(start, at);
      }
    }
    if (attrName && !(attrName in attrs)) attrs[attrName] = decodeEntities(value);
  }
  return { name, attrs, selfClosing, end: html.length };
}

function findClosingTag(html: string, name: string, from: number): { start: number; end: number } {
  const pattern = new RegExp(`</${name}[\\s/>]`, 'gi');
  pattern.lastIndex = from;
  const match = pattern.exec(html);
  if (!match) return { start: html.length, end: html.length };
  const close = html.indexOf('>', match.index);
  return { start: match.index, end: close === -1 ? html.length : close + 1 };
}
