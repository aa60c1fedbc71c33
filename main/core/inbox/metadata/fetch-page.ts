import type { LinkMetadata } from '../../../../shared/model/bookmark';
import { outboundGet } from '../../platform/outbound-get';
import type { HttpClient } from '../../platform/http';
import { readMetadata } from '../html/read-metadata';
import { decodePage } from './decode-page';

export const FETCH_DEADLINE_MS = 10_000;
/** Only the start of a page is read: the `<head>` is there. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

export interface FetchedPage {
  metadata: LinkMetadata;
  finalUrl: string;
  /** Said when there was nothing to read (not a web page). */
  note: string | null;
}

const EMPTY: LinkMetadata = { title: '', description: '', siteName: '', canonicalUrl: '' };
const HTML_TYPE = /text\/html|application\/xhtml\+xml/i;

/**
 * Fetches a page's metadata through the core's outbound GET: one deadline for the whole exchange,
 * the first 2 MB only, each redirect hop judged by the outbound policy. `publicOnly` is for links
 * that came from a web page (the bookmarklet): nothing on this computer or the LAN is fetched for
 * them until the author asks. Failures are GetFailed errors with a sentence for the author.
 */
export async function fetchPage(
  http: HttpClient,
  address: string,
  cancel: AbortSignal,
  deadlineMs = FETCH_DEADLINE_MS,
  options: { publicOnly?: boolean } = {},
): Promise<FetchedPage> {
  const answer = await outboundGet(http, address, {
    accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
    deadlineMs,
    maxBytes: MAX_PAGE_BYTES,
    overCap: 'truncate',
    maxRedirects: MAX_REDIRECTS,
    signal: cancel,
    what: 'The page',
    ...(options.publicOnly ? { publicOnly: true } : {}),
    wantBody: (status, headers) =>
      status < 400 && (!headers['content-type'] || HTML_TYPE.test(headers['content-type'])),
  });
  if (answer.status >= 400) {
    throw new Error(
      answer.status === 404 || answer.status === 410
        ? `The page is gone (HTTP ${answer.status}); check the address.`
        : `The site answered HTTP ${answer.status}; try again later.`,
    );
  }
  const contentType = answer.headers['content-type'] ?? '';
  if (contentType && !HTML_TYPE.test(contentType)) {
    const type = contentType.split(';')[0]!.trim();
    return { metadata: EMPTY, finalUrl: answer.finalUrl, note: `Not a web page (${type}): nothing to read.` };
  }
  const metadata = readMetadata(decodePage(answer.body, contentType), answer.finalUrl);
  return { metadata, finalUrl: answer.finalUrl, note: metadata.title ? null : 'The page has no title.' };
}
