import { attribute, decodeCharacterReferences, startTags } from '../../../../shared/html/start-tags';

export interface HtmlLink {
  href: string;
  rels: string[];
  type: string | null;
}

/** `<link>` elements, the `<base href>` and the `<title>` text of a page, read with a real tokenizer. */
export function readHtmlLinks(html: string): {
  links: HtmlLink[];
  base: string | null;
  title: string | null;
} {
  const links: HtmlLink[] = [];
  let base: string | null = null;
  let title: string | null = null;
  for (const tag of startTags(html)) {
    if (tag.name === 'link') {
      const href = attribute(tag, 'href');
      const rel = attribute(tag, 'rel');
      if (href !== undefined && rel) {
        links.push({
          href: href.trim(),
          rels: rel.toLowerCase().split(/\s+/).filter(Boolean),
          type: attribute(tag, 'type') ?? null,
        });
      }
    } else if (tag.name === 'base' && base === null) {
      base = attribute(tag, 'href') ?? null;
    } else if (tag.name === 'title' && title === null) {
      const close = html.toLowerCase().indexOf('</title', tag.end);
      title = decodeTitle(html.slice(tag.end, close < 0 ? tag.end : close));
    }
  }
  return { links, base, title };
}

function decodeTitle(raw: string): string | null {
  const text = decodeCharacterReferences(raw).replace(/\s+/g, ' ').trim();
  return text || null;
}
