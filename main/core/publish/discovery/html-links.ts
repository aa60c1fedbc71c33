import { Parser } from 'htmlparser2';

export interface HtmlLink {
  href: string;
  rels: string[];
  type: string | null;
}

/** `<link>` elements, the `<base href>` and the `<title>` text of a page, read by htmlparser2. */
export function readHtmlLinks(html: string): {
  links: HtmlLink[];
  base: string | null;
  title: string | null;
} {
  const links: HtmlLink[] = [];
  let base: string | null = null;
  let title: string | null = null;
  let titleText: string | null = null;
  new Parser({
    onopentag(name, attributes) {
      if (name === 'link') {
        const { href, rel } = attributes;
        if (href !== undefined && rel) {
          links.push({
            href: href.trim(),
            rels: rel.toLowerCase().split(/\s+/).filter(Boolean),
            type: attributes.type ?? null,
          });
        }
      } else if (name === 'base' && base === null) {
        base = attributes.href ?? null;
      } else if (name === 'title' && title === null) {
        titleText = '';
      }
    },
    ontext(text) {
      if (titleText !== null) titleText += text;
    },
    onclosetag(name) {
      if (name !== 'title' || titleText === null) return;
      title = titleText.replace(/\s+/g, ' ').trim() || null;
      titleText = null;
    },
  }).end(html);
  return { links, base, title };
}
