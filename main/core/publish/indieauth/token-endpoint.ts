import * as z from 'zod';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { HttpClient } from '../../platform/http';
import { readBodyError } from '../micropub/micropub-errors';
import type { StoredToken } from './indieauth-types';

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1).max(10_000),
  token_type: z.string().optional(),
  scope: z.string().max(1000).optional(),
  me: z.string().max(2000).optional(),
  refresh_token: z.string().min(1).max(10_000).optional(),
  expires_in: z.number().positive().optional(),
});

/** Posts a grant to the token endpoint and validates what comes back. */
export async function requestToken(
  http: HttpClient,
  tokenEndpoint: string,
  fields: Record<string, string>,
  now: Date,
  signal?: AbortSignal,
  /** The site the author signed in to: anchors the outbound policy. */
  anchor?: string,
): Promise<StoredToken> {
  const timeout = AbortSignal.timeout(20_000);
  let answer;
  try {
    answer = await http.post<string>(tokenEndpoint, new URLSearchParams(fields).toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxContentLength: 256 * 1024,
      maxRedirects: 0,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      outbound: { ...(anchor ? { anchor } : {}), what: 'The sign-in server' },
    });
  } catch (error) {
    throw new CoreFailure(
      'offline',
      `Could not reach the sign-in server's token endpoint (${(error as Error).message}). Check your connection and sign in again.`,
    );
  }
  const body = typeof answer.data === 'string' ? answer.data : '';
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    // Reported below with the server's words.
  }
  const parsed = answer.status === 200 ? tokenAnswerSchema.safeParse(json) : null;
  if (!parsed?.success) {
    const error = readBodyError(body, String(answer.headers['content-type'] ?? ''));
    const name = error?.error ? ` (${error.error})` : answer.status !== 200 ? ` (HTTP ${answer.status})` : '';
    throw new CoreFailure(
      'auth-failed',
      answer.status === 200 && !error?.error
        ? 'The sign-in server granted no access token (no permissions were given). Sign in again and allow publishing.'
        : `The sign-in server refused to issue a token${name}. Sign in again.`,
      { status: answer.status, error: error?.error ?? null, details: error?.description ?? null },
    );
  }
  const t = parsed.data;
  return {
    accessToken: t.access_token,
    scope: t.scope ?? '',
    me: t.me ?? null,
    refreshToken: t.refresh_token ?? null,
    expiresAt: expiryOf(now, t.expires_in),
    tokenEndpoint,
    clientId: fields.client_id ?? null,
  };
}

/** Ten years: a server that claims longer (or a number past any date) is taken as never expiring. */
const LONGEST_EXPIRY_SECONDS = 10 * 365 * 24 * 3600;

function expiryOf(now: Date, expiresIn: number | undefined): string | null {
  if (!expiresIn || !Number.isFinite(expiresIn) || expiresIn > LONGEST_EXPIRY_SECONDS) return null;
  return new Date(now.getTime() + expiresIn * 1000).toISOString();
}
