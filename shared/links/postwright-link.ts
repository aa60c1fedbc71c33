import type { NewLink } from '../model/bookmark';

/** The scheme the desktop app answers: the bookmarklet's links, and links that open a draft. */
export const LINK_SCHEME = 'postwright';

/**
 * What a postwright:// link asks for:
 * - `postwright://bookmark?url=…&title=…&quote=…` adds a page to the inbox (http and https only);
 * - `postwright://open?draft=ID` opens a draft.
 */
export type PostwrightLink = { kind: 'bookmark'; link: NewLink } | { kind: 'open-draft'; draftId: string };

export type ParsedLink = { ok: true; link: PostwrightLink } | { ok: false; reason: string };

const MAX_LINK_CHARS = 64 * 1024;
const DRAFT_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

function refuse(reason: string): ParsedLink {
  return { ok: false, reason };
}

/** Reads a postwright:// link; anything else is refused with a sentence the app can show. */
export function parsePostwrightLink(raw: string): ParsedLink {
  if (raw.length > MAX_LINK_CHARS)
    return refuse('That postwright:// link is too long to be one of Postwright’s.');
  let address: URL;
  try {
    address = new URL(raw);
  } catch {
    return refuse('That is not a link Postwright can read.');
  }
  if (address.protocol !== `${LINK_SCHEME}:`) return refuse('Postwright only opens postwright:// links.');
  const params = address.searchParams;
  switch (address.hostname) {
    case 'bookmark': {
      const url = params.get('url')?.trim();
      if (!url) return refuse('The bookmark link names no page to add.');
      if (!/^https?:\/\/[^\s]+$/i.test(url))
        return refuse(
          'The bookmark link names a page that is not an http or https address, so it was not added.',
        );
      const title = params.get('title')?.trim().slice(0, 2000);
      const quote = params.get('quote')?.trim().slice(0, 20_000);
      return {
        ok: true,
        link: {
          kind: 'bookmark',
          link: { url, ...(title ? { title } : {}), ...(quote ? { description: quote } : {}) },
        },
      };
    }
    case 'open': {
      const draftId = params.get('draft') ?? '';
      if (!DRAFT_ID.test(draftId)) return refuse('The link names no draft Postwright could open.');
      return { ok: true, link: { kind: 'open-draft', draftId } };
    }
    default:
      return refuse(
        `Postwright does not know postwright://${address.hostname.slice(0, 40)} links; it takes bookmark and open links.`,
      );
  }
}
