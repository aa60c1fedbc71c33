import { randomUUID } from 'node:crypto';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { HttpClient } from '../../platform/http';
import { withQuery } from '../micropub/endpoint-url';
import { authServerOfProfile, resolveAuthServer, sameServer, type AuthLinks } from './auth-server';
import { REQUESTED_SCOPES, type AuthServer, type StoredToken } from './indieauth-types';
import { startLoopbackListener } from './loopback-listener';
import { challengeOf, createState, createVerifier } from './pkce';
import { requestToken } from './token-endpoint';

export interface SignInSession {
  readonly id: string;
  /** The page the author approves the sign-in on: the host opens it in the system browser. */
  readonly authorizationUrl: string;
  /** Settles once the redirect has come back and the code is redeemed (or the sign-in failed). */
  readonly result: Promise<StoredToken>;
  cancel(): void;
}

export interface SignInInput {
  /** The site the author typed: sent as `me`, the profile the token must belong to. */
  me: string;
  links: AuthLinks;
  appName: string;
  /** How long to wait for the author to approve. */
  timeoutMs?: number;
}

/**
 * IndieAuth's authorization code flow with PKCE (S256) through a loopback redirect. The redirect is
 * accepted only with this session's `state` and, when the server has metadata, its `iss`; the token's
 * `me` must declare the same sign-in server, so another site cannot claim the author's blog.
 */
export async function beginSignIn(
  deps: { http: HttpClient; now: () => Date },
  input: SignInInput,
): Promise<SignInSession> {
  const server = await resolveAuthServer(deps.http, input.links, undefined, input.me);
  const verifier = createVerifier();
  const state = createState();
  const controller = new AbortController();
  let settle!: { resolve: (token: StoredToken) => void; reject: (error: Error) => void };
  const result = new Promise<StoredToken>((resolve, reject) => (settle = { resolve, reject }));
  result.catch(() => undefined);

  const listener = await startLoopbackListener(input.appName, async (params) => {
    try {
      const token = await redeem(params);
      settle.resolve(token);
      return { ok: true, message: `You are signed in to ${hostOf(token.me ?? input.me)}.` };
    } catch (error) {
      settle.reject(error as Error);
      return { ok: false, message: (error as Error).message };
    }
  });

  async function redeem(params: URLSearchParams): Promise<StoredToken> {
    const error = params.get('error');
    if (error) {
      throw new CoreFailure(
        'auth-failed',
        error === 'access_denied'
          ? 'The sign-in was declined on the authorization page. Sign in again and approve it to publish.'
          : `The sign-in server stopped the sign-in (${error}). Sign in again.`,
        { error, details: params.get('error_description') },
      );
    }
    if (params.get('state') !== state) {
      throw new CoreFailure(
        'auth-failed',
        'The sign-in answer did not belong to this sign-in (its state did not match), so it was refused. Sign in again.',
      );
    }
    checkIssuer(server, params.get('iss'));
    const code = params.get('code');
    if (!code)
      throw new CoreFailure('auth-failed', 'The sign-in server sent no authorization code. Sign in again.');
    const token = await requestToken(
      deps.http,
      server.tokenEndpoint,
      {
        grant_type: 'authorization_code',
        code,
        client_id: listener.clientId,
        redirect_uri: listener.redirectUri,
        code_verifier: verifier,
      },
      deps.now(),
      controller.signal,
      input.me,
    );
    await verifyProfile(deps.http, server, token, controller.signal, input.me);
    return token;
  }

  const authorizationUrl = withQuery(server.authorizationEndpoint, [
    ['response_type', 'code'],
    ['client_id', listener.clientId],
    ['redirect_uri', listener.redirectUri],
    ['state', state],
    ['code_challenge', challengeOf(verifier)],
    ['code_challenge_method', 'S256'],
    ['scope', REQUESTED_SCOPES.join(' ')],
    ['me', input.me],
  ]);

  const timer = setTimeout(
    () =>
      settle.reject(
        new CoreFailure(
          'cancelled',
          'The sign-in was not approved in time. Sign in again when you are ready.',
        ),
      ),
    input.timeoutMs ?? 10 * 60_000,
  );
  timer.unref?.();
  const cleanUp = () => {
    clearTimeout(timer);
    // Give the callback page a moment to be written before the listener goes away.
    setTimeout(() => void listener.close(), 200).unref?.();
  };
  result.then(cleanUp, cleanUp);

  return {
    id: randomUUID(),
    authorizationUrl,
    result,
    cancel() {
      controller.abort();
      settle.reject(new CoreFailure('cancelled', 'The sign-in was cancelled.'));
    },
  };
}

function checkIssuer(server: AuthServer, iss: string | null): void {
  if (!server.issuer) return;
  if (iss !== server.issuer) {
    throw new CoreFailure(
      'auth-failed',
      `The sign-in answer came from ${iss ? `"${iss}"` : 'an unnamed server'}, not from ${server.issuer}, so it was refused. Sign in again.`,
    );
  }
}

async function verifyProfile(
  http: HttpClient,
  server: AuthServer,
  token: StoredToken,
  signal: AbortSignal,
  typedSite: string,
) {
  if (!token.me) return;
  let declared: AuthServer;
  try {
    declared = await authServerOfProfile(http, token.me, signal, typedSite);
  } catch (error) {
    throw new CoreFailure(
      'auth-failed',
      `Could not confirm that ${token.me} uses this sign-in server: ${(error as Error).message}`,
    );
  }
  if (!sameServer(declared, server)) {
    throw new CoreFailure(
      'auth-failed',
      `The sign-in server vouched for ${token.me}, but that site declares a different sign-in server, so the token was refused. Sign in again with your own site.`,
    );
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
