import { checkRedirect, outboundRefusal, type OutboundContext } from '../../net/outbound-policy';
import type { HttpClient } from '../../platform/http';
import { ANSWER_TOO_LARGE, type TextAnswer } from '../../platform/text-request';
import { decodeMethodResponse, XmlRpcDecodeError } from './decode';
import { encodeMethodCall } from './encode';
import { XmlRpcError } from './errors';
import type { XmlRpcValue } from './values';
import { parseRetryAfter } from '../../../../shared/net/retry-after';

export interface XmlRpcLimits {
  /** The whole exchange, body included: a slowly dripped answer is cut off at this deadline. */
  timeoutMs: number;
  maxResponseBytes: number;
  maxRedirects: number;
}

export const DEFAULT_LIMITS: XmlRpcLimits = {
  timeoutMs: 60_000,
  maxResponseBytes: 20 * 1024 * 1024,
  maxRedirects: 3,
};

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
]);

function describeBody(response: TextAnswer): string {
  const type = response.headers['content-type'] ?? 'no content type';
  const start = response.body.replace(/\s+/g, ' ').trim().slice(0, 80);
  return `HTTP ${response.status} ${type}${start ? `, starting "${start}"` : ', with an empty body'}`;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Calls one XML-RPC method with the limits every untrusted server gets: a deadline over the whole
 * exchange (AbortSignal), a size cap, a few redirects and only to the same host. Faults, broken
 * answers and transport errors all become an XmlRpcError that says what happened.
 * The call goes over the lean exchange (platform/text-request.ts), the path every publish takes.
 */
export async function callXmlRpc(
  http: HttpClient,
  endpoint: string,
  method: string,
  params: XmlRpcValue[],
  options: {
    signal?: AbortSignal;
    limits?: Partial<XmlRpcLimits>;
    /** The blog's home page as the author typed it: anchors the outbound policy. */
    anchor?: string;
  } = {},
): Promise<XmlRpcValue> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const base = { endpoint, method };
  let response: TextAnswer;
  try {
    response = await postFollowingRedirects(http, base, encodeMethodCall(method, params), {
      signal,
      limits,
      outbound: { ...(options.anchor ? { anchor: options.anchor } : {}), what: 'The blog' },
    });
  } catch (error) {
    throw transportError(error, {
      ...base,
      timedOut: deadline.aborted || isOwnTimeout(error),
      cancelled: options.signal?.aborted ?? false,
      limits,
    });
  }
  if (response.status >= 300) {
    const retryAfter = parseRetryAfter(response.headers['retry-after'], Date.now());
    const sentence =
      response.status === 405
        ? `${endpoint} refused XML-RPC (HTTP 405): XML-RPC is turned off on this blog. Turn it on in the blog's settings or a security plugin, or publish over Micropub.`
        : response.status >= 500
          ? `${endpoint} had a server error (${describeBody(response)}). Postwright will try again.`
          : response.status === 429
            ? `${endpoint} asked Postwright to slow down (HTTP 429). It will try again later.`
            : `${endpoint} did not answer as an XML-RPC endpoint (${describeBody(response)}). Check the blog's XML-RPC address.`;
    throw new XmlRpcError('http', sentence, {
      ...base,
      status: response.status,
      sent: true,
      ...(retryAfter !== undefined ? { retryAfterMs: retryAfter } : {}),
    });
  }
  let decoded;
  try {
    decoded = decodeMethodResponse(response.body);
  } catch (error) {
    if (!(error instanceof XmlRpcDecodeError)) throw error;
    const kind = error.badValue ? 'invalid' : 'not-xmlrpc';
    throw new XmlRpcError(
      kind,
      kind === 'invalid'
        ? `The answer from ${endpoint} to ${method} is broken: ${error.message}`
        : `${endpoint} did not answer as an XML-RPC endpoint: ${error.message} It sent ${describeBody(response)}. Check the blog's XML-RPC address.`,
      { ...base, status: response.status, sent: true },
    );
  }
  if (decoded.fault) {
    throw new XmlRpcError('fault', decoded.message || `The blog refused ${method} without saying why.`, {
      ...base,
      status: response.status,
      faultCode: decoded.code,
      faultString: decoded.message,
      sent: true,
    });
  }
  return decoded.value;
}

/**
 * Posts the call and follows up to `maxRedirects` redirects on the same host, each checked by the
 * outbound policy. The call is sent again, as a POST, to the address given: an XML-RPC call can
 * only be a POST, so a redirect re-sent as a GET (as browsers do after a 301, 302 or 303) could
 * only fail. A 3xx answer means the call was not carried out, so sending it again is safe; but
 * never from https to http, since the call carries the password.
 */
async function postFollowingRedirects(
  http: HttpClient,
  base: { endpoint: string; method: string },
  body: string,
  { signal, limits, outbound }: { signal: AbortSignal; limits: XmlRpcLimits; outbound: OutboundContext },
): Promise<TextAnswer> {
  const { endpoint } = base;
  const host = new URL(endpoint).host;
  let url = new URL(endpoint);
  for (let hop = 0; ; hop++) {
    const answer = await http.postText({
      url: url.href,
      headers: { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml, application/xml' },
      body,
      signal,
      timeoutMs: limits.timeoutMs,
      maxAnswerBytes: limits.maxResponseBytes,
      outbound,
    });
    const location = answer.headers.location;
    if (!REDIRECTS.has(answer.status) || !location) return answer;
    const to = URL.parse(location, url.href);
    if (!to) {
      throw new XmlRpcError(
        'redirect',
        `${endpoint} redirected to "${location.slice(0, 80)}", which is not an address. Check the blog's XML-RPC address.`,
        { ...base, sent: true },
      );
    }
    if (hop + 1 > limits.maxRedirects) throw new TooManyRedirects();
    // The call carries the password: it never leaves an encrypted connection for a plain one.
    if (url.protocol === 'https:' && to.protocol === 'http:') {
      throw new XmlRpcError(
        'redirect',
        `${endpoint} redirected to ${to.protocol}//${to.host}, which is not encrypted, so Postwright did not send your password there. Check the blog's XML-RPC address.`,
        { ...base, sent: true },
      );
    }
    checkRedirect(url, to, hop + 1, limits.maxRedirects, outbound);
    if (to.host !== host && to.hostname !== host) {
      throw new XmlRpcError(
        'redirect',
        `${endpoint} redirected to another host (${to.protocol}//${to.host}); Postwright only follows redirects on the same host. Use the address it redirects to if you trust it.`,
        { ...base, sent: true },
      );
    }
    url = to;
  }
}

class TooManyRedirects extends Error {}

/** The lean exchange's own deadline (the same length as the call's) may fire a moment first. */
function isOwnTimeout(error: unknown): boolean {
  return (
    error instanceof Error &&
    error.name === 'AbortError' &&
    (error.cause as { name?: string } | undefined)?.name === 'TimeoutError'
  );
}

function transportError(
  error: unknown,
  context: { endpoint: string; method: string; timedOut: boolean; cancelled: boolean; limits: XmlRpcLimits },
): XmlRpcError {
  if (error instanceof XmlRpcError) return error;
  const { endpoint, method } = context;
  const base = { endpoint, method };
  const refusal = outboundRefusal(error);
  if (refusal) {
    // Refused before connecting: nothing reached the blog, unless a redirect was refused after the request.
    return new XmlRpcError(refusal.afterRedirect ? 'redirect' : 'refused', refusal.message, {
      ...base,
      sent: refusal.afterRedirect,
    });
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  const host = new URL(endpoint).host;
  if (context.cancelled)
    return new XmlRpcError('cancelled', `${method} was cancelled.`, { ...base, sent: true });
  if (context.timedOut) {
    return new XmlRpcError(
      'timeout',
      `${host} did not answer ${method} within ${Math.round(context.limits.timeoutMs / 1000)} s. Postwright will check the blog before trying again.`,
      { ...base, sent: true },
    );
  }
  if (code === ANSWER_TOO_LARGE) {
    return new XmlRpcError(
      'too-large',
      `The answer from ${endpoint} to ${method} was larger than ${Math.round(context.limits.maxResponseBytes / 1048576)} MB, so Postwright stopped reading it.`,
      { ...base, sent: true },
    );
  }
  if (error instanceof TooManyRedirects) {
    return new XmlRpcError(
      'redirect',
      `${endpoint} redirected too many times. Check the blog's XML-RPC address.`,
      { ...base, sent: true },
    );
  }
  // These codes can only happen before a connection exists, so nothing reached the blog.
  if (typeof code === 'string' && UNREACHABLE.has(code)) {
    return new XmlRpcError(
      'unreachable',
      `Postwright could not reach ${host} (${code}). The post waits in the outbox and goes out when the blog can be reached.`,
      { ...base, sent: false },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new XmlRpcError(
    'connection-lost',
    `The connection to ${host} broke during ${method} (${detail}). Postwright will check the blog before trying again.`,
    { ...base, sent: true },
  );
}
