import * as z from 'zod';
import { CoreFailure } from '../../../../shared/contract/errors';
import { webUrl } from '../../../../shared/net/safe-link';
import { outboundGet } from '../../platform/outbound-get';
import type { HttpClient } from '../../platform/http';
import type { AuthServer } from './indieauth-types';
import { relLinks } from './rel-links';

const TIMEOUT = 15_000;
const MAX_PAGE = 2 * 1024 * 1024;

const httpUrl = z.string().refine((value) => webUrl(value) !== null, 'an http(s) URL');

const metadataSchema = z.object({
  issuer: httpUrl,
  authorization_endpoint: httpUrl,
  token_endpoint: httpUrl,
  code_challenge_methods_supported: z.array(z.string()).optional(),
});

/** The links discovery found on a blog's home page (or on a profile URL). */
export interface AuthLinks {
  indieauthMetadata?: string | null;
  authorizationEndpoint?: string | null;
  tokenEndpoint?: string | null;
}

/** The metadata document is preferred; without it the two endpoint links are used and there is no issuer. */
export async function resolveAuthServer(
  http: HttpClient,
  links: AuthLinks,
  signal?: AbortSignal,
  /** The site the author typed: anchors the outbound policy. */
  anchor?: string,
): Promise<AuthServer> {
  if (links.indieauthMetadata) {
    const answer = await getText(
      http,
      links.indieauthMetadata,
      'application/json',
      256 * 1024,
      signal,
      anchor,
    );
    const parsed = answer.status === 200 ? metadataSchema.safeParse(safeJson(answer.text)) : null;
    if (!parsed?.success) {
      throw new CoreFailure(
        'remote-error',
        `The sign-in server's description at ${links.indieauthMetadata} could not be read${answer.status !== 200 ? ` (HTTP ${answer.status})` : ''}. Sign in with a token instead, or ask the site's owner to fix it.`,
      );
    }
    const methods = parsed.data.code_challenge_methods_supported;
    if (methods && !methods.includes('S256')) {
      throw new CoreFailure(
        'remote-error',
        'The sign-in server does not support PKCE with S256, which Postwright requires.',
      );
    }
    return {
      issuer: parsed.data.issuer,
      authorizationEndpoint: parsed.data.authorization_endpoint,
      tokenEndpoint: parsed.data.token_endpoint,
    };
  }
  if (links.authorizationEndpoint && links.tokenEndpoint) {
    return {
      issuer: null,
      authorizationEndpoint: links.authorizationEndpoint,
      tokenEndpoint: links.tokenEndpoint,
    };
  }
  throw new CoreFailure(
    'not-found',
    'This site names no IndieAuth sign-in server (no indieauth-metadata or authorization/token endpoint links). Paste a token instead (--token-stdin).',
  );
}

/** Reads the links of a profile URL (`me`) to learn which sign-in server it declares. */
export async function authServerOfProfile(
  http: HttpClient,
  me: string,
  signal?: AbortSignal,
  /** The site the author typed; a `me` a token server named is held to it. */
  anchor = me,
): Promise<AuthServer> {
  const answer = await getText(http, me, 'text/html,application/xhtml+xml', MAX_PAGE, signal, anchor);
  if (answer.status !== 200) {
    throw new CoreFailure(
      'auth-failed',
      `Could not read your profile page ${me} (HTTP ${answer.status}) to confirm the sign-in.`,
    );
  }
  const links = relLinks(answer.headers.link, answer.text, answer.finalUrl);
  return resolveAuthServer(
    http,
    {
      indieauthMetadata: links.get('indieauth-metadata') ?? null,
      authorizationEndpoint: links.get('authorization_endpoint') ?? null,
      tokenEndpoint: links.get('token_endpoint') ?? null,
    },
    signal,
    anchor,
  );
}

async function getText(
  http: HttpClient,
  url: string,
  accept: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
  anchor: string | undefined,
) {
  const answer = await outboundGet(http, url, {
    accept,
    deadlineMs: TIMEOUT,
    maxBytes,
    overCap: 'fail',
    maxRedirects: 5,
    what: 'The sign-in server',
    ...(signal ? { signal } : {}),
    ...(anchor ? { anchor } : {}),
  });
  return { ...answer, text: answer.body.toString('utf8') };
}

export function sameServer(a: AuthServer, b: AuthServer): boolean {
  if (a.issuer && b.issuer) return a.issuer === b.issuer;
  return a.authorizationEndpoint === b.authorizationEndpoint;
}

function safeJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    return null;
  }
}
