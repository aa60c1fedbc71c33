import { createHash, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from './recorded-request';

/** How the sign-in server behaves in a test: normally, or failing in one of the ways a client must refuse. */
export type AuthBehaviour = 'normal' | 'wrong-state' | 'wrong-iss' | 'deny' | 'token-error' | 'foreign-me';

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  me: string;
}

export interface IssuedToken {
  token: string;
  scope: string;
  me: string;
}

/**
 * The author's IndieAuth server: an authorization page with Approve and Deny buttons (the test, or
 * Playwright, plays the author), and a token endpoint that checks PKCE (S256) before issuing a token.
 */
export class IndieAuthServer {
  behaviour: AuthBehaviour = 'normal';
  /** Issue refresh tokens with short-lived access tokens. */
  refreshTokens = false;
  /** Scopes granted whatever was asked (to provoke insufficient_scope). */
  grantedScope: string | null = null;
  readonly tokens = new Map<string, IssuedToken>();
  readonly refresh = new Map<string, IssuedToken>();
  /** Problems found in the client's sign-in requests: a test expects none. */
  readonly problems: string[] = [];
  /** The client_id page as this server fetched it (to show the app's name). */
  clientName: string | null = null;
  private readonly codes = new Map<string, PendingCode>();

  constructor(private readonly base: string) {}

  get issuer(): string {
    return this.base;
  }

  metadata() {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.base}auth`,
      token_endpoint: `${this.base}token`,
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['create', 'update', 'delete', 'undelete', 'media'],
      authorization_response_iss_parameter_supported: true,
    };
  }

  /** A token the author made on the site's own settings page, to paste into the app. */
  issueToken(scope = 'create update delete undelete media'): string {
    const token = randomBytes(12).toString('hex');
    this.tokens.set(token, { token, scope, me: this.base });
    return token;
  }

  async authorizationPage(request: RecordedRequest, response: ServerResponse): Promise<void> {
    const q = new URLSearchParams(request.query);
    const need = [
      'response_type',
      'client_id',
      'redirect_uri',
      'state',
      'code_challenge',
      'code_challenge_method',
      'scope',
    ];
    for (const name of need) if (!q.get(name)) this.problems.push(`authorization request without ${name}`);
    if (q.get('response_type') !== 'code') this.problems.push('response_type is not "code"');
    if (q.get('code_challenge_method') !== 'S256') this.problems.push('code_challenge_method is not S256');
    const scopes = (q.get('scope') ?? '').split(' ');
    for (const scope of ['create', 'update', 'delete', 'media']) {
      if (!scopes.includes(scope)) this.problems.push(`scope "${scope}" not requested`);
    }
    this.clientName = await fetchClientName(q.get('client_id') ?? '');
    const hidden = [...q]
      .map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`)
      .join('');
    html(
      response,
      200,
      `<h1>Sign in to ${esc(this.base)}</h1>
<p id="client">${esc(this.clientName ?? q.get('client_id') ?? '')} wants to ${esc(q.get('scope') ?? '')}.</p>
<form method="post" action="/auth">${hidden}
<button name="decision" value="approve">Approve</button>
<button name="decision" value="deny">Deny</button></form>`,
    );
  }

  /** The author's answer on the authorization page: redirect back to the client. */
  decide(request: RecordedRequest, response: ServerResponse): void {
    const form = new URLSearchParams(request.fields);
    const redirect = new URL(form.get('redirect_uri') ?? '');
    const state = form.get('state') ?? '';
    if (form.get('decision') !== 'approve' || this.behaviour === 'deny') {
      redirect.searchParams.set('error', 'access_denied');
      redirect.searchParams.set('state', state);
      redirect.searchParams.set('iss', this.issuer);
    } else {
      const code = randomBytes(12).toString('hex');
      this.codes.set(code, {
        clientId: form.get('client_id') ?? '',
        redirectUri: form.get('redirect_uri') ?? '',
        challenge: form.get('code_challenge') ?? '',
        scope: this.grantedScope ?? form.get('scope') ?? '',
        me: this.behaviour === 'foreign-me' ? `${this.base}elsewhere/` : this.base,
      });
      redirect.searchParams.set('code', code);
      redirect.searchParams.set('state', this.behaviour === 'wrong-state' ? 'forged-state' : state);
      redirect.searchParams.set(
        'iss',
        this.behaviour === 'wrong-iss' ? 'https://impostor.example/' : this.issuer,
      );
    }
    response.writeHead(302, { Location: redirect.href });
    response.end();
  }

  token(request: RecordedRequest, response: ServerResponse): void {
    const form = new URLSearchParams(request.fields);
    if (this.behaviour === 'token-error') {
      return json(response, 400, { error: 'invalid_grant', error_description: 'The code has expired.' });
    }
    if (form.get('grant_type') === 'refresh_token') {
      const old = this.refresh.get(form.get('refresh_token') ?? '');
      if (!old) return json(response, 400, { error: 'invalid_grant' });
      this.refresh.delete(old.token);
      return json(response, 200, this.grant(old.scope, old.me));
    }
    const pending = this.codes.get(form.get('code') ?? '');
    if (form.get('grant_type') !== 'authorization_code' || !pending) {
      return json(response, 400, { error: 'invalid_grant', error_description: 'Unknown code.' });
    }
    this.codes.delete(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    if (challenge !== pending.challenge) {
      this.problems.push('code_verifier does not match code_challenge');
      return json(response, 400, { error: 'invalid_grant', error_description: 'PKCE verification failed.' });
    }
    if (form.get('client_id') !== pending.clientId || form.get('redirect_uri') !== pending.redirectUri) {
      this.problems.push('client_id or redirect_uri differ from the authorization request');
      return json(response, 400, { error: 'invalid_grant' });
    }
    json(response, 200, this.grant(pending.scope, pending.me));
  }

  private grant(scope: string, me: string) {
    const token = randomBytes(12).toString('hex');
    this.tokens.set(token, { token, scope, me });
    const answer: Record<string, unknown> = { access_token: token, token_type: 'Bearer', scope, me };
    if (this.refreshTokens) {
      const refresh = randomBytes(12).toString('hex');
      this.refresh.set(refresh, { token: refresh, scope, me });
      answer.refresh_token = refresh;
      answer.expires_in = 1;
    }
    return answer;
  }
}

/** Servers show the app's name from the h-app on its client_id page. */
async function fetchClientName(clientId: string): Promise<string | null> {
  try {
    const page = await (await fetch(clientId, { signal: AbortSignal.timeout(2000) })).text();
    if (!/class="[^"]*h-app/.test(page)) return null;
    return /class="[^"]*p-name[^"]*"[^>]*>([^<]+)</.exec(page)?.[1] ?? null;
  } catch {
    return null;
  }
}

export function json(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

export function html(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
  response.end(`<!doctype html><html><head><title>Test site</title></head><body>${body}</body></html>`);
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
