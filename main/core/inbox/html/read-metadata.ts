import { Parser } from 'htmlparser2';
import type { LinkMetadata } from '../../../../shared/model/bookmark';
import { webUrl } from '../../../../shared/net/safe-link';

const MAX_TITLE = 500;
const MAX_DESCRIPTION = 2000;

/** Collapses white space and caps length: page text becomes one plain line. */
export function plainLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function httpUrl(value: string | undefined, base: string): string {
  return value ? (webUrl(value, base) ?? '') : '';
}

/**
 * What a page says about itself, from its `<head>`: og: and twitter: tags first, then the meta
 * description and `<title>`. Reading stops where the head ends; the text is plain (tags in it stay
 * text). htmlparser2 builds no document and runs nothing, so a hostile page can only end it early.
 */
export function readMetadata(html: string, pageUrl: string): LinkMetadata {
  const meta = new Map<string, string>();
  let title: string | null = null;
  let canonical = '';
  let inTitle = false;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'body') parser.pause();
      else if (name === 'title' && title === null) inTitle = true;
      else if (name === 'meta') {
        const key = (attributes.property ?? attributes.name ?? '').trim().toLowerCase();
        const content = attributes.content;
        if (key && content !== undefined && !meta.has(key)) meta.set(key, content);
      } else if (name === 'link' && !canonical) {
        const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('canonical')) canonical = httpUrl(attributes.href, pageUrl);
      }
    },
    // `<body>` closes the head before it opens, so this is where reading ends on most pages.
    onclosetag(name) {
      if (name === 'head') parser.pause();
      if (name === 'title') inTitle = false;
    },
    ontext(text) {
      if (inTitle) title = (title ?? '') + text;
    },
  });
  parser.end(html);
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
  let charset: string | null = null;
  const parser = new Parser({
    onopentag(name, attributes) {
      if (name === 'body') parser.pause();
      if (name !== 'meta') return;
      if (attributes.charset) charset = attributes.charset.trim().toLowerCase();
      else if ((attributes['http-equiv'] ?? '').toLowerCase() === 'content-type') {
        const declared = /charset\s*=\s*["']?([^\s"';]+)/i.exec(attributes.content ?? '');
        if (declared) charset = declared[1]!.toLowerCase();
      }
      // The first declaration counts, as in browsers.
      if (charset) parser.pause();
    },
  });
  parser.end(head);
  return charset;
}
