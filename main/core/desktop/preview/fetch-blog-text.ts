import type { Readable } from 'node:stream';
import { isAxiosError } from 'axios';
import { CoreFailure } from '../../../../shared/contract/errors';
import { checkFirstAddress, checkRedirect, FetchRefused } from '../../inbox/metadata/redirect-policy';
import type { HttpClient } from '../../platform/http';

export const PREVIEW_FETCH_DEADLINE_MS = 10_000;

/**
 * GETs a text resource of the author's blog (its home page, a stylesheet) under hard limits: one
 * deadline for the whole exchange, at most `maxBytes` read, redirects followed by hand so each hop
 * is checked by the same policy as the inbox's page fetches. The one place the preview goes out.
 */
export async function fetchBlogText(
  http: HttpClient,
  address: string,
  options: { accept: string; maxBytes: number; signal: AbortSignal },
): Promise<{ text: string; url: string; contentType: string }> {
  const deadline = AbortSignal.timeout(PREVIEW_FETCH_DEADLINE_MS);
  const signal = AbortSignal.any([deadline, options.signal]);
  let current = new URL(address);
  try {
    checkFirstAddress(current);
    for (let hop = 0; ; hop++) {
      const response = await http.request<Readable>({
        url: current.href,
        method: 'GET',
        maxRedirects: 0,
        responseType: 'stream',
        signal,
        validateStatus: () => true,
        headers: { Accept: options.accept },
      });
      const location = response.headers.location as string | undefined;
      if (response.status >= 300 && response.status < 400 && location) {
        response.data.destroy();
        const next = new URL(location, current);
        checkRedirect(current, next, hop + 1);
        current = next;
        continue;
      }
      if (response.status >= 400) {
        response.data.destroy();
        throw new FetchRefused(`${current.href} answered HTTP ${response.status}.`);
      }
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of response.data) {
        chunks.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        if (total >= options.maxBytes) break;
      }
      response.data.destroy();
      return {
        text: Buffer.concat(chunks).subarray(0, options.maxBytes).toString('utf8'),
        url: current.href,
        contentType: String(response.headers['content-type'] ?? ''),
      };
    }
  } catch (error) {
    if (error instanceof FetchRefused) throw new CoreFailure('remote-error', error.message);
    if (deadline.aborted)
      throw new CoreFailure(
        'offline',
        `The blog did not answer within ${PREVIEW_FETCH_DEADLINE_MS / 1000} seconds.`,
      );
    if (options.signal.aborted) throw new CoreFailure('cancelled', 'Cancelled.');
    const code = isAxiosError(error) ? error.code : (error as NodeJS.ErrnoException)?.code;
    throw new CoreFailure(
      'offline',
      `The blog could not be reached (${code ?? (error as Error)?.message ?? String(error)}); the preview uses the clean style meanwhile.`,
    );
  }
}
