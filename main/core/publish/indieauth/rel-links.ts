import { readHtmlLinks } from '../discovery/html-links';
import { parseLinkHeader } from '../discovery/link-header';

/**
 * The rel links of a profile page (`me`), Link header first, then `<link>` elements, each resolved
 * against the page's final URL (or its `<base>`). Discovery's own parsers, so both read pages alike.
 */
export function relLinks(
  linkHeader: string | string[] | undefined,
  html: string,
  pageUrl: string,
): Map<string, string> {
  const found = new Map<string, string>();
  const add = (rels: string[], href: string, base: string) => {
    let url: string;
    try {
      url = new URL(href, base).href;
    } catch {
      return;
    }
    for (const rel of rels) if (!found.has(rel)) found.set(rel, url);
  };
  for (const link of parseLinkHeader(linkHeader)) add(link.rels, link.href, pageUrl);
  const page = readHtmlLinks(html);
  let base = pageUrl;
  try {
    if (page.base) base = new URL(page.base, pageUrl).href;
  } catch {
    // A broken <base> is ignored, as browsers do.
  }
  for (const link of page.links) add(link.rels, link.href, base);
  return found;
}
