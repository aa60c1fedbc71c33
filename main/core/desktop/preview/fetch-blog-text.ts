import { CoreFailure } from '../../../../shared/contract/errors';
import type { HttpClient } from '../../platform/http';
import { outboundGet } from '../../platform/outbound-get';

export const PREVIEW_FETCH_DEADLINE_MS = 10_000;

/**
 * GETs a text resource of the author's blog (its home page, a stylesheet) through the core's one
 * outbound GET: one deadline for the whole exchange, at most `maxBytes` read, every redirect hop
 * judged by the outbound policy. The one place the preview goes out.
 */
export async function fetchBlogText(
  http: HttpClient,
  address: string,
  options: { accept: string; maxBytes: number; signal: AbortSignal },
): Promise<{ text: string; url: string; contentType: string }> {
  const answer = await outboundGet(http, address, {
    accept: options.accept,
    signal: options.signal,
    deadlineMs: PREVIEW_FETCH_DEADLINE_MS,
    maxBytes: options.maxBytes,
    overCap: 'truncate',
    maxRedirects: 10,
    what: 'The blog',
  });
  if (answer.status >= 400)
    throw new CoreFailure('remote-error', `${answer.finalUrl} answered HTTP ${answer.status}.`);
  return {
    text: answer.body.toString('utf8'),
    url: answer.finalUrl,
    contentType: answer.headers['content-type'] ?? '',
  };
}
