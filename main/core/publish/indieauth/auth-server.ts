import { z } from 'zod';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { HttpClient } from '../../platform/http';
import type { AuthServer } from './indieauth-types';
import { relLinks } from './rel-links';

const TIMEOUT = 15_000;
const MAX_PAGE = 2 * 1024 * 1024;

const httpUrl = z.string().refine((value) => {
  try {
    const protocol = new URL(value).protocol;
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}, 'an http(s) URL');

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
): Promise<AuthServer> {
  if (links.indieauthMetadata) {
    const answer = await http.get<string>(links.indieauthMetadata, {
      headers: { Accept: 'application/json' },
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxContentLength: 256 * 1024,
      signal: deadline(signal),
    });
    const parsed = answer.status === 200 ? metadataSchema.safeParse(safeJson(answer.data)) : null;
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
): Promise<AuthServer> {
  const answer = await http.get<string>(me, {
    headers: { Accept: 'text/html,application/xhtml+xml' },
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    maxContentLength: MAX_PAGE,
    signal: deadline(signal),
  });
  if (answer.status !== 200) {
    throw new CoreFailure(
      'auth-failed',
      `Could not read your profile page ${me} (HTTP ${answer.status}) to confirm the sign-in.`,
    );
  }
  const finalUrl = (answer.request as { res?: { responseUrl?: string } })?.res?.responseUrl ?? me;
  const header = answer.headers.link as string | undefined;
  const links = relLinks(header, typeof answer.data === 'string' ? answer.data : '', finalUrl);
  return resolveAuthServer(
    http,
    {
      indieauthMetadata: links.get('indieauth-metadata') ?? null,
      authorizationEndpoint: links.get('authorization_endpoint') ?? null,
      tokenEndpoint: links.get('token_endpoint') ?? null,
    },
    signal,
  );
}

export function sameServer(a: AuthServer, b: AuthServer): boolean {
  if (a.issuer && b.issuer) return a.issuer === b.issuer;
  return a.authorizationEndpoint === b.authorizationEndpoint;
}

function deadline(signal?: AbortSignal): AbortSignal {
  const timeout = AbortSignal.timeout(TIMEOUT);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

function safeJson(text: unknown): unknown {
  try {
    return typeof text === 'string' ? JSON.parse(text) : text;
  } catch {
    return null;
  }
}
