import type { Readable } from 'node:stream';
import { isAxiosError } from 'axios';
import type { LinkMetadata } from '../../../../shared/model/bookmark';
import type { HttpClient } from '../../platform/http';
import { readMetadata } from '../html/read-metadata';
import { decodePage } from './decode-page';
import { checkFirstAddress, checkRedirect, FetchRefused } from './redirect-policy';

export const FETCH_DEADLINE_MS = 10_000;
/** Only the start of a page is read: the `<head>` is there. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export interface FetchedPage {
  metadata: LinkMetadata;
  finalUrl: string;
  /** Said when there was nothing to read (not a web page). */
  note: string | null;
}

const EMPTY: LinkMetadata = { title: '', description: '', siteName: '', canonicalUrl: '' };

/**
 * Fetches a page's metadata under hard limits: one deadline for the whole exchange (a page that
 * drips bytes slowly is cut off by the AbortSignal, which axios' own timeout would not do), the
 * first 2 MB only, redirects followed by hand so each hop is checked (redirect-policy.ts).
 * Failures are FetchRefused with a sentence for the author.
 */
export async function fetchPage(
  http: HttpClient,
  address: string,
  cancel: AbortSignal,
  deadlineMs = FETCH_DEADLINE_MS,
): Promise<FetchedPage> {
  const deadline = AbortSignal.timeout(deadlineMs);
  const signal = AbortSignal.any([deadline, cancel]);
  let current = new URL(address);
  checkFirstAddress(current);
  try {
    for (let hop = 0; ; hop++) {
      const response = await http.request<Readable>({
        url: current.href,
        method: 'GET',
        maxRedirects: 0,
        responseType: 'stream',
        signal,
        validateStatus: () => true,
        headers: { Accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      });
      const status = response.status;
      const location = response.headers.location as string | undefined;
      if (status >= 300 && status < 400 && location) {
        response.data.destroy();
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FetchRefused('The page redirected to an address that is not valid.');
        }
        checkRedirect(current, next, hop + 1);
        current = next;
        continue;
      }
      if (status >= 400) {
        response.data.destroy();
        throw new FetchRefused(
          status === 404 || status === 410
            ? `The page is gone (HTTP ${status}); check the address.`
            : `The site answered HTTP ${status}; try again later.`,
        );
      }
      const contentType = String(response.headers['content-type'] ?? '');
      if (contentType && !/text\/html|application\/xhtml\+xml/i.test(contentType)) {
        response.data.destroy();
        const type = contentType.split(';')[0]!.trim();
        return {
          metadata: EMPTY,
          finalUrl: current.href,
          note: `Not a web page (${type}): nothing to read.`,
        };
      }
      const bytes = await readCapped(response.data, MAX_PAGE_BYTES, signal);
      const metadata = readMetadata(decodePage(bytes, contentType), current.href);
      return { metadata, finalUrl: current.href, note: metadata.title ? null : 'The page has no title.' };
    }
  } catch (error) {
    throw explain(error, deadline, cancel, deadlineMs);
  }
}

/** Reads at most `cap` bytes of a body, then lets the rest go. */
async function readCapped(stream: Readable, cap: number, signal: AbortSignal): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stop = () => stream.destroy(new Error('aborted'));
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      chunks.push(buffer);
      total += buffer.length;
      if (total >= cap) break;
    }
  } finally {
    signal.removeEventListener('abort', stop);
    stream.destroy();
  }
  if (signal.aborted) throw signal.reason;
  return Buffer.concat(chunks).subarray(0, cap);
}

function explain(error: unknown, deadline: AbortSignal, cancel: AbortSignal, deadlineMs: number): Error {
  if (error instanceof FetchRefused) return error;
  if (cancel.aborted) return new FetchRefused('Cancelled.');
  if (deadline.aborted) {
    return new FetchRefused(`The page did not load within ${deadlineMs / 1000} seconds.`);
  }
  const code = isAxiosError(error) ? error.code : (error as NodeJS.ErrnoException)?.code;
  const host = (error as { hostname?: string })?.hostname;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new FetchRefused(
        `The site${host ? ` ${host}` : ''} could not be found: check the address or the network.`,
      );
    case 'ECONNREFUSED':
      return new FetchRefused('The site refused the connection; it may be down.');
    case 'ECONNRESET':
    case 'ERR_BAD_RESPONSE':
      return new FetchRefused('The connection to the site broke off; try again.');
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return new FetchRefused("The site's security certificate is not valid, so it was not read.");
    default:
      return new FetchRefused(
        `The page could not be loaded (${(error as Error)?.message ?? String(error)}).`,
      );
  }
}
