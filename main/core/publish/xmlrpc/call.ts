import { AxiosError, type AxiosResponse } from 'axios';
import type { HttpClient } from '../../platform/http';
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

function describeBody(response: AxiosResponse<string>): string {
  const type = String(response.headers['content-type'] ?? 'no content type');
  const text = typeof response.data === 'string' ? response.data : '';
  const start = text.replace(/\s+/g, ' ').trim().slice(0, 80);
  return `HTTP ${response.status} ${type}${start ? `, starting "${start}"` : ', with an empty body'}`;
}

/**
 * Calls one XML-RPC method with the limits every untrusted server gets: a deadline over the whole
 * exchange (AbortSignal), a size cap, a few redirects and only to the same host. Faults, broken
 * answers and transport errors all become an XmlRpcError that says what happened.
 */
export async function callXmlRpc(
  http: HttpClient,
  endpoint: string,
  method: string,
  params: XmlRpcValue[],
  options: { signal?: AbortSignal; limits?: Partial<XmlRpcLimits> } = {},
): Promise<XmlRpcValue> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const body = encodeMethodCall(method, params);
  const deadline = AbortSignal.timeout(limits.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const host = new URL(endpoint).host;
  const base = { endpoint, method };
  let response: AxiosResponse<string>;
  try {
    response = await http.post<string>(endpoint, body, {
      headers: { 'Content-Type': 'text/xml; charset=utf-8', Accept: 'text/xml, application/xml' },
      responseType: 'text',
      transformResponse: (data: unknown) => data,
      signal,
      maxContentLength: limits.maxResponseBytes,
      maxRedirects: limits.maxRedirects,
      beforeRedirect: (redirect) => {
        const target = `${String(redirect.protocol)}//${String(redirect.host ?? redirect.hostname)}`;
        if (
          redirect.host !== host &&
          `${redirect.hostname}:${redirect.port}` !== host &&
          redirect.hostname !== host
        ) {
          throw new XmlRpcError(
            'redirect',
            `${endpoint} redirected to another host (${target}); Postwright only follows redirects on the same host. Use the address it redirects to if you trust it.`,
            { ...base, sent: true },
          );
        }
      },
      validateStatus: () => true,
    });
  } catch (error) {
    throw transportError(error, {
      ...base,
      timedOut: deadline.aborted,
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
    decoded = decodeMethodResponse(typeof response.data === 'string' ? response.data : '');
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

function transportError(
  error: unknown,
  context: { endpoint: string; method: string; timedOut: boolean; cancelled: boolean; limits: XmlRpcLimits },
): XmlRpcError {
  if (error instanceof XmlRpcError) return error;
  const { endpoint, method } = context;
  const base = { endpoint, method };
  const axiosError = error instanceof AxiosError ? error : undefined;
  const cause = (axiosError?.cause ?? error) as { code?: string } | undefined;
  // Our own refusal of a redirect comes back wrapped by follow-redirects and axios.
  for (let link: unknown = error, depth = 0; link && depth < 5; depth++) {
    if (link instanceof XmlRpcError) return link;
    link = (link as { cause?: unknown }).cause;
  }
  const code = axiosError?.code ?? cause?.code;
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
  if (code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(axiosError?.message ?? '')) {
    return new XmlRpcError(
      'too-large',
      `The answer from ${endpoint} to ${method} was larger than ${Math.round(context.limits.maxResponseBytes / 1048576)} MB, so Postwright stopped reading it.`,
      { ...base, sent: true },
    );
  }
  if (code === 'ERR_FR_TOO_MANY_REDIRECTS' || code === 'ERR_FR_MAX_BODY_LENGTH_EXCEEDED') {
    return new XmlRpcError(
      'redirect',
      `${endpoint} redirected too many times. Check the blog's XML-RPC address.`,
      { ...base, sent: true },
    );
  }
  // These codes can only happen before a connection exists, so nothing reached the blog.
  if (code && UNREACHABLE.has(code)) {
    return new XmlRpcError(
      'unreachable',
      `Postwright could not reach ${host} (${code}). The post waits in the outbox and goes out when the blog can be reached.`,
      { ...base, sent: false },
    );
  }
  const detail = axiosError?.message ?? (error instanceof Error ? error.message : String(error));
  return new XmlRpcError(
    'connection-lost',
    `The connection to ${host} broke during ${method} (${detail}). Postwright will check the blog before trying again.`,
    { ...base, sent: true },
  );
}
