import type { LinkMetadata } from '../../../../shared/model/bookmark';
import { tokenizeHtml } from './tokenize';

const MAX_TITLE = 500;
const MAX_DESCRIPTION = 2000;

/** Collapses white space and caps length: page text becomes one plain line. */
export function plainLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function httpUrl(value: string | undefined, base: string): string {
  if (!value) return '';
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '';
  } catch {
    return '';
  }
}

/**
 * What a page says about itself, from its `<head>`: og: and twitter: tags first, then the meta
 * description and `<title>`. Reading stops at `<body>`; the text is plain (tags in it stay text).
 */
export function readMetadata(html: string, pageUrl: string): LinkMetadata {
  const meta = new Map<string, string>();
  let title: string | null = null;
  let canonical = '';
  let inTitle = false;
  for (const token of tokenizeHtml(html)) {
    if (token.type === 'start') {
      if (token.name === 'body') break;
      if (token.name === 'title' && title === null) inTitle = true;
      else if (token.name === 'meta') {
        const key = (token.attrs.property ?? token.attrs.name ?? '').trim().toLowerCase();
        const content = token.attrs.content;
        if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
      } else if (token.name === 'link' && !canonical) {
        const rel = (token.attrs.rel ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('canonical')) canonical = httpUrl(token.attrs.href, pageUrl);
      }
    } else if (token.type === 'end') {
      if (token.name === 'head') break;
      if (token.name === 'title') inTitle = false;
    } else if (inTitle) {
      title = (title ?? '') + token.text;
    }
  }
  const first = (...keys: string[]) => keys.map((key) => meta.get(key)?.trim()).find((value) => value) ?? '';
  return {
    title: plainLine(first('og:title', 'twitter:title') || (title ?? ''), MAX_TITLE),
    description: plainLine(first('og:description', 'twitter:description', 'description'), MAX_DESCRIPTION),
    siteName: plainLine(first('og:site_name', 'application-name'), 200),
    canonicalUrl: canonical || httpUrl(meta.get('og:url'), pageUrl),
  };
}

/** The charset a page declares in its first bytes (`<meta charset>` or the http-equiv form), if any. */
export function sniffMetaCharset(head: string): string | null {
  for (const token of tokenizeHtml(head)) {
    if (token.type !== 'start') continue;
    if (token.name === 'body') break;
    if (token.name !== 'meta') continue;
    if (token.attrs.charset) return token.attrs.charset.trim().toLowerCase();
    if ((token.attrs['http-equiv'] ?? '').toLowerCase() === 'content-type') {
      const declared = /charset\s*=\s*["']?([^\s"';]+)/i.exec(token.attrs.content ?? '');
      if (declared) return declared[1]!.toLowerCase();
    }
  }
  return null;
}
