import type { NewLink } from '../../../shared/model/bookmark';
import { webUrl } from '../../../shared/net/safe-link';

/** What drag-and-drop and the clipboard both offer: typed strings. */
export interface TransferLike {
  readonly types: readonly string[];
  getData(type: string): string;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

function cleanUrl(raw: string): string | null {
  // Sentence punctuation after a pasted URL is not part of it.
  return webUrl(raw.trim().replace(/[.,;:!?)\]]+$/, ''));
}

function fromUriList(text: string): NewLink[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => cleanUrl(line))
    .filter((url): url is string => url !== null)
    .map((url) => ({ url }));
}

/** Anchors in dropped HTML (a link dragged from a page, a selection with links): their text is the title. */
function fromHtml(html: string): NewLink[] {
  // DOMParser builds an inert document: nothing in it loads or runs.
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const links: NewLink[] = [];
  for (const anchor of doc.querySelectorAll('a[href]')) {
    const url = cleanUrl(anchor.getAttribute('href') ?? '');
    if (!url) continue;
    const title = (anchor.textContent ?? '').replace(/\s+/g, ' ').trim();
    links.push(title && title !== url ? { url, title } : { url });
  }
  return links;
}

function fromText(text: string): NewLink[] {
  return [...text.matchAll(URL_PATTERN)]
    .map((match) => cleanUrl(match[0]))
    .filter((url): url is string => url !== null)
    .map((url) => ({ url }));
}

/**
 * The links a drop or paste carries. Browsers put the same link in several types; HTML anchors
 * (which bring the link text as a title) are read first, then text/uri-list, then URLs in plain
 * text, and each address is kept once with the richest details.
 */
export function linksFromTransfer(data: TransferLike): NewLink[] {
  const types = new Set(data.types);
  const found: NewLink[] = [];
  if (types.has('text/html')) found.push(...fromHtml(data.getData('text/html')));
  if (types.has('text/uri-list')) found.push(...fromUriList(data.getData('text/uri-list')));
  if (types.has('text/plain')) found.push(...fromText(data.getData('text/plain')));
  const byUrl = new Map<string, NewLink>();
  for (const link of found) {
    const known = byUrl.get(link.url);
    if (!known) byUrl.set(link.url, link);
    else if (!known.title && link.title) known.title = link.title;
  }
  return [...byUrl.values()];
}

/** True when a drag may carry links (checked on dragenter, before the data can be read). */
export function mayCarryLinks(types: readonly string[]): boolean {
  return types.includes('text/uri-list') || types.includes('text/html') || types.includes('text/plain');
}
