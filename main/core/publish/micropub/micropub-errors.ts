import { CoreFailure, type ErrorCode } from '../../../../shared/contract/errors';
import type { MicropubAction } from './micropub-types';
import { parseRetryAfter } from '../../../../shared/net/retry-after';
import { ANSWER_TOO_LARGE } from '../../platform/text-request';

/** What the outbox needs to know about a failure besides its sentence. */
export interface FailureTraits {
  /** Worth trying again later (offline, 5xx, 429, timeouts). */
  retryable: boolean;
  /** The request may have reached the blog: check before sending it again. */
  ambiguous: boolean;
  retryAfterMs: number | null;
}

export interface MicropubErrorDetail {
  status: number | null;
  error: string | null;
  /** The blog's own words, for whoever debugs (MICROPUB.md: not for the author's sentence). */
  details: string | null;
  scope?: string;
}

export class MicropubFailure extends CoreFailure {
  constructor(
    code: ErrorCode,
    message: string,
    readonly info: MicropubErrorDetail,
    readonly traits: FailureTraits = { retryable: false, ambiguous: false, retryAfterMs: null },
  ) {
    super(code, message, info);
    this.name = 'MicropubFailure';
  }
}

/** The error a body names, whatever the server's dialect: {error, error_description} or {code, message}. */
export interface BodyError {
  error: string | null;
  description: string | null;
  scope: string | null;
}

const MAX_DETAIL = 500;

export function readBodyError(body: string, contentType: string): BodyError | null {
  const text = body.trim();
  if (!text) return null;
  if (/json/i.test(contentType) || text.startsWith('{')) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      if (json && typeof json === 'object' && !Array.isArray(json)) {
        const error = stringOf(json.error) ?? stringOf(json.code);
        const description = stringOf(json.error_description) ?? stringOf(json.message);
        if (error || description)
          return { error, description: clip(description), scope: stringOf(json.scope) };
      }
      return null;
    } catch {
      // Not JSON after all: fall through to text.
    }
  }
  if (/html/i.test(contentType) || /^<(!doctype|html)/i.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1];
    const words = (title ?? text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>/gi, ' '))
      .replace(/\s+/g, ' ')
      .trim();
    return { error: null, description: clip(words || null), scope: null };
  }
  return { error: null, description: clip(text), scope: null };
}

function stringOf(value: unknown): string | null {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function clip(text: string | null): string | null {
  return text && text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

function scopeFrom(header: string | undefined): string | null {
  return header ? (/scope="([^"]+)"/i.exec(header)?.[1] ?? null) : null;
}

const HOW_TO_SIGN_IN = 'Blogs → Sign in again, or "postwright micropub sign-in"';
const SIGN_IN_AGAIN = `Sign in to the blog again (${HOW_TO_SIGN_IN}).`;

/** What a request was doing, so an answer without a reason can still be explained. */
export interface RequestContext {
  /** The properties a create sends, or an update changes. */
  properties?: string[];
  /** The post an update, delete or undelete is about. */
  url?: string;
}

/** Turns an error answer into the sentence the author sees and the traits the outbox uses. */
export function failureFromResponse(
  action: MicropubAction,
  response: { status: number; body: string; headers: Record<string, string | undefined> },
  context: RequestContext = {},
): MicropubFailure {
  const { status } = response;
  const body = readBodyError(response.body, response.headers['content-type'] ?? '');
  // A bearer-token error may come only in WWW-Authenticate (RFC 6750 §3), with no body at all.
  const challenge = response.headers['www-authenticate'];
  const named = body?.error ?? (challenge ? (/error="([^"]+)"/i.exec(challenge)?.[1] ?? null) : null);
  const error = named?.toLowerCase() ?? null;
  const info: MicropubErrorDetail = {
    status,
    error: named,
    details: body?.description ?? null,
  };
  if (error === 'insufficient_scope') {
    const scope = body?.scope ?? scopeFrom(challenge) ?? neededScope(action);
    return new MicropubFailure(
      'auth-failed',
      `The blog did not give Postwright the "${scope}" permission. Sign in again and allow "${scope}" (${HOW_TO_SIGN_IN}).`,
      { ...info, scope },
    );
  }
  if (status === 401 || error === 'unauthorized' || error === 'invalid_token') {
    return new MicropubFailure(
      'auth-failed',
      `The blog no longer accepts Postwright's sign-in. ${SIGN_IN_AGAIN}`,
      info,
    );
  }
  if (status === 403 || error === 'forbidden') {
    return new MicropubFailure(
      'auth-failed',
      `The blog refused to let this account ${verb(action)} (403 Forbidden). Check that you signed in as the blog's owner.`,
      info,
    );
  }
  if (status === 429 || status >= 500) {
    const later = parseRetryAfter(response.headers['retry-after'], Date.now()) ?? null;
    return new MicropubFailure(
      'remote-error',
      `The blog had a problem (HTTP ${status}). Postwright will try again later.`,
      info,
      { retryable: true, ambiguous: status >= 500, retryAfterMs: later },
    );
  }
  if (status === 404 && action !== 'create' && action !== 'media') {
    return new MicropubFailure('not-found', 'The blog has no post at that URL.', info);
  }
  if (status >= 300 && status < 400) return redirected(action, response.headers.location, info);
  if (!info.error && !info.details && status >= 400) {
    return new MicropubFailure('remote-error', unexplained(action, status, context), info);
  }
  if (status === 400 || error === 'invalid_request') {
    return new MicropubFailure('remote-error', `The blog refused the request as invalid.${said(info)}`, info);
  }
  return new MicropubFailure(
    'remote-error',
    `The blog answered with an error${status >= 300 ? ` (HTTP ${status})` : ''}.${said(info)}`,
    info,
  );
}

/**
 * A POST answered with a redirect, which Postwright does not follow (it would arrive as a GET).
 * Usually the blog moved (to https, or to a new address); a server that made the post first and
 * then redirected to it is possible too, so the author checks before sending again.
 */
function redirected(action: MicropubAction, to: string | undefined, info: MicropubErrorDetail) {
  const where = to ? ` to ${to.slice(0, 200)}` : '';
  return new MicropubFailure(
    'remote-error',
    `The blog sent Postwright elsewhere (HTTP ${info.status}${where}) instead of answering. If the blog has moved, sign in to it again so Postwright finds its new Micropub address (${HOW_TO_SIGN_IN}).`,
    info,
    { retryable: false, ambiguous: mutates(action), retryAfterMs: null },
  );
}

/** A request that got no answer: offline before sending is safe to retry; after sending it is ambiguous. */
export function failureFromNetwork(action: MicropubAction, error: unknown, url: string): MicropubFailure {
  const code = (error as { code?: string }).code ?? '';
  const name = (error as { name?: string }).name ?? '';
  const host = safeHost(url);
  if (name === 'CanceledError' || code === 'ERR_CANCELED' || name === 'AbortError') {
    const timedOut = (error as { cause?: { name?: string } }).cause?.name === 'TimeoutError';
    return new MicropubFailure(
      timedOut ? 'offline' : 'cancelled',
      timedOut ? `${host} did not answer in time. Postwright will try again later.` : 'Cancelled.',
      { status: null, error: code || name, details: null },
      { retryable: timedOut, ambiguous: mutates(action), retryAfterMs: null },
    );
  }
  const beforeSending = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH'].includes(
    code,
  );
  if (
    code === ANSWER_TOO_LARGE ||
    code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED' ||
    /maxContentLength/.test(String((error as Error).message))
  ) {
    return new MicropubFailure('remote-error', `${host} sent an answer too large to read.`, {
      status: null,
      error: code,
      details: null,
    });
  }
  return new MicropubFailure(
    'offline',
    beforeSending
      ? `Could not reach ${host}. Check your connection; Postwright will try again later.`
      : `The connection to ${host} broke before it answered. Postwright will check the blog before trying again.`,
    { status: null, error: code || name || null, details: (error as Error).message ?? null },
    { retryable: true, ambiguous: !beforeSending && mutates(action), retryAfterMs: null },
  );
}

/** A refusal that came without a reason: what was refused, the status, and what to try next. */
function unexplained(action: MicropubAction, status: number, context: RequestContext): string {
  const code = `(HTTP ${status}, with no reason given)`;
  const post = context.url ?? 'the post';
  switch (action) {
    case 'create':
      return `The blog refused to create the post ${code}. It may not take one of its properties (${names(context.properties)}): try another post type (--as note) or encoding (--format json or form), or ask whoever runs the site what it expects.`;
    case 'update':
      return `The blog refused the update of ${names(context.properties)} ${code}. Some servers change only some properties: try changing them one at a time, or make the change on the blog itself.`;
    case 'delete':
      return `The blog refused to delete ${post} ${code}. Check that the post is still there ("postwright posts source ${post}").`;
    case 'undelete':
      return `The blog refused to undelete ${post} ${code}. Check that the post is in the blog's trash, under the address it had when it was deleted.`;
    case 'media':
      return `The blog's media endpoint refused the file ${code}. Check that the blog takes files of this type and size.`;
    case 'read':
      return `The blog refused to answer a query ${code}. It may not support it; Postwright carries on without it where it can.`;
  }
}

function names(properties: string[] = []): string {
  const shown = properties.slice(0, 6);
  const more = properties.length - shown.length;
  const list = more > 0 ? [...shown, `${more} more`] : shown;
  if (list.length === 0) return 'its properties';
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)}`;
}

/** The blog's own reason, for the author to pass on to whoever runs the site. */
function said(info: MicropubErrorDetail): string {
  const reason = [info.error, info.details].filter(Boolean).join(': ');
  return reason ? ` Details: ${reason}` : '';
}

function mutates(action: MicropubAction): boolean {
  return action !== 'read';
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'The blog';
  }
}

export function neededScope(action: MicropubAction): string {
  return action === 'read' ? 'create' : action;
}

function verb(action: MicropubAction): string {
  switch (action) {
    case 'create':
      return 'publish posts';
    case 'media':
      return 'upload files';
    case 'read':
      return 'read posts';
    default:
      return `${action} posts`;
  }
}
