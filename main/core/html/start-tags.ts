import { Parser } from 'htmlparser2';

/** Where an attribute's raw value sits in the source, without its quotes. */
export interface ValueSpan {
  start: number;
  end: number;
  quote: '"' | "'" | null;
}

/** A start tag as written: `html.slice(start, end)` is the tag itself, `<` to `>`. */
export interface StartTag {
  name: string;
  /** Decoded values, names lower-cased; the first of a repeated attribute wins, as in browsers. */
  attributes: Record<string, string>;
  /** The raw value of each attribute that has one, so a caller can rewrite it and nothing else. */
  valueSpans: Record<string, ValueSpan>;
  start: number;
  end: number;
}

/**
 * The start tags called `names`, in document order, read by htmlparser2: comments, scripts, styles
 * and titles are not searched for tags, and a tag cut off at the end of the input is not reported.
 * The positions let a caller edit the author's HTML in place, every other byte kept as it was.
 */
export function startTags(html: string, names: readonly string[]): StartTag[] {
  const wanted = new Set(names);
  const tags: StartTag[] = [];
  let spans: Record<string, ValueSpan> | null = null;
  let start = 0;
  const parser = new Parser({
    onopentagname(name) {
      spans = wanted.has(name) ? {} : null;
      // The parser's startIndex can lag behind a tag that follows `</p >`; the name's end is exact
      // here, and a name we look for holds no "<".
      if (spans) start = html.lastIndexOf('<', parser.endIndex - 1);
    },
    onattribute(name, _value, quote) {
      // During this event the parser's indices span the whole attribute, name to value's end.
      if (!spans || quote === undefined || Object.hasOwn(spans, name)) return;
      spans[name] = valueSpan(html, parser.startIndex, parser.endIndex, quote);
    },
    onopentag(name, attributes, isImplied) {
      // Implied tags (a `</p>` with no `<p>`) have no text of their own to point at.
      if (isImplied || !spans || !wanted.has(name)) return;
      tags.push({ name, attributes, valueSpans: spans, start, end: parser.endIndex + 1 });
    },
  });
  parser.end(html);
  return tags;
}

function valueSpan(html: string, from: number, to: number, quote: string | null): ValueSpan {
  if (quote === '"' || quote === "'") {
    // A quoted value holds no quote of its own kind: the opening one is the last before the closing one.
    return { start: html.lastIndexOf(quote, to - 2) + 1, end: to - 1, quote };
  }
  // An unquoted value follows the first "=" after the name's first character, and any spaces.
  let start = html.indexOf('=', from + 1) + 1;
  while (/[\t\n\f\r ]/.test(html[start] ?? '')) start += 1;
  return { start, end: to, quote: null };
}
