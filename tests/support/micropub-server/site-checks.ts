import type { ServerResponse } from 'node:http';
import { json, type IndieAuthServer } from './indieauth-server';
import type { MicropubQuirks } from './micropub-quirks';
import type { PostStore } from './post-store';
import type { RecordedRequest } from './recorded-request';

/** What the site's endpoints share: its quirks, its address, its sign-in server, posts and logs. */
export interface Site {
  readonly settings: MicropubQuirks;
  /** The home page's address, ending in a slash. */
  readonly base: string;
  readonly auth: IndieAuthServer;
  readonly posts: PostStore;
  /** Every Micropub and media request since the last case started. */
  readonly log: RecordedRequest[];
  /** Problems in requests that every case forbids (token in the body, missing token). */
  readonly violations: string[];
  /** Files received so far, to give each a new address. */
  uploads: number;
  /** What the media endpoint received, by path (`/media/1-name.png`): served back as a site would. */
  readonly files: Map<string, { type: string; data: Buffer }>;
}

/** The checks every request to the Micropub or media endpoint must pass, whatever the case. */
export function authorize(
  site: Site,
  request: RecordedRequest,
  response: ServerResponse,
  scope: string,
): boolean {
  const inBody =
    request.fields.some(([name]) => name === 'access_token') ||
    request.query.some(([name]) => name === 'access_token') ||
    (typeof request.json === 'object' && request.json !== null && 'access_token' in request.json);
  if (inBody)
    site.violations.push(`${request.method} ${request.url}: access_token sent in the body or query`);
  if (request.authorization && inBody) {
    json(response, 400, { error: 'invalid_request', error_description: 'Two access tokens were sent.' });
    return false;
  }
  const token = /^Bearer (.+)$/.exec(request.authorization ?? '')?.[1];
  const issued = token ? site.auth.tokens.get(token) : undefined;
  if (!issued) {
    if (!token) site.violations.push(`${request.method} ${request.url}: no Authorization header`);
    json(response, 401, { error: 'unauthorized', error_description: 'No valid token.' });
    return false;
  }
  const scopes = issued.scope.split(' ');
  // WordPress lets any token that may post upload media: it checks the account, not the scope.
  const allowed =
    scopes.includes(scope) || (site.settings.wordpress && scope === 'media' && scopes.includes('create'));
  if (!allowed) {
    if (site.settings.wordpress) {
      json(response, 403, {
        error: 'insufficient_scope',
        error_description: `insufficient to ${scope} posts`,
        data: scopes,
      });
    } else {
      json(response, 401, {
        error: 'insufficient_scope',
        scope,
        error_description: `The token lacks ${scope}.`,
      });
    }
    return false;
  }
  return true;
}

export function failIfAsked(site: Site, response: ServerResponse): boolean {
  const failure = site.settings.failNext;
  if (!failure) return false;
  site.settings.failNext = null;
  if (failure.retryAfterSeconds !== undefined)
    response.setHeader('Retry-After', String(failure.retryAfterSeconds));
  if (failure.shape === 'empty') {
    response.writeHead(failure.status);
    response.end();
  } else if (failure.shape === 'html') {
    response.writeHead(failure.status, { 'Content-Type': 'text/html' });
    response.end(
      `<!DOCTYPE html><html><head><title>${failure.description}</title></head><body><h1>Oops</h1></body></html>`,
    );
  } else {
    const body =
      failure.shape === 'code-message'
        ? { code: failure.error, message: failure.description }
        : { error: failure.error, error_description: failure.description };
    json(response, failure.shape === 'in-200' ? 200 : failure.status, body);
  }
  return true;
}
