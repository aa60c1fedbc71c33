import type { AxiosRequestConfig } from 'axios';
import { outboundRefusal } from '../../net/outbound-policy';
import { flatHeaders } from '../../platform/flat-headers';
import type { HttpClient } from '../../platform/http';
import type { RawResponse } from './micropub-answers';
import { failureFromNetwork, failureFromResponse, MicropubFailure } from './micropub-errors';
import { withQuery } from './endpoint-url';
import type { MicropubAction } from './micropub-types';

/** How the client reaches its endpoints: the part of MicropubClientOptions every request uses. */
export interface TransportOptions {
  http: HttpClient;
  token: string;
  /** Cancels every request of this client (the outbox's or the caller's signal). */
  signal?: AbortSignal;
  /** Each request's deadline; a slow drip of bytes does not extend it. */
  timeoutMs?: number;
  /** The site's home page as the author typed it: anchors the outbound policy. */
  anchor?: string;
}

/** The limits of what the client reads back: answers are small JSON documents. */
const MAX_ANSWER = 5 * 1024 * 1024;
const DEFAULT_TIMEOUT = 30_000;

/** A failure's details when the server said nothing more than its status (or nothing at all). */
export function noDetails(status: number | null = null) {
  return { status, error: null, details: null };
}

/** What a POST carries: text ready to send, with its media type, or a multipart form (files). */
export type PostBody = { text: string; type: string } | FormData;

/**
 * A POST to the endpoint; a redirect is the answer, never followed (a redirected POST would be
 * re-sent as a GET). Text goes over the lean exchange (platform/text-request.ts), the path every
 * publish takes; a form with files over axios, which encodes multipart.
 */
export async function postTo(
  options: TransportOptions,
  action: MicropubAction,
  url: string,
  body: PostBody,
): Promise<RawResponse> {
  if (body instanceof FormData) {
    return send(options, action, { method: 'POST', url, data: body, maxRedirects: 0 });
  }
  const signal = requestSignal(options);
  try {
    const answer = await options.http.postText({
      url,
      headers: {
        Accept: 'application/json',
        'Content-Type': body.type,
        Authorization: `Bearer ${options.token}`,
      },
      body: body.text,
      ...signal,
      maxAnswerBytes: MAX_ANSWER,
      outbound: outboundOf(options),
    });
    return { ...answer, url };
  } catch (error) {
    throw failureOf(error, action, url);
  }
}

/** A `GET endpoint?q=…` read as JSON; a non-200, a body that is not JSON, or an error document fails. */
export async function queryJson(
  options: TransportOptions,
  endpoint: string,
  params: [string, string][],
): Promise<unknown> {
  const url = withQuery(endpoint, params);
  const answer = await send(options, 'read', { method: 'GET', url, maxRedirects: 3 });
  if (answer.status !== 200) throw failureFromResponse('read', answer);
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    throw failureFromResponse('read', { ...answer, status: answer.status === 200 ? 502 : answer.status });
  }
  if (json && typeof json === 'object' && 'error' in json) throw failureFromResponse('read', answer);
  return json;
}

/** The caller's signal and the deadline, for one request. */
function requestSignal(options: TransportOptions) {
  return {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT,
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

function outboundOf(options: TransportOptions) {
  return { ...(options.anchor ? { anchor: options.anchor } : {}), what: 'The site' };
}

/** A failed request as a MicropubFailure: refused by the outbound policy, timed out, or the network's. */
function failureOf(error: unknown, action: MicropubAction, url: string): MicropubFailure {
  if (error instanceof MicropubFailure) return error;
  const refusal = outboundRefusal(error);
  if (refusal) return new MicropubFailure('remote-error', refusal.message, noDetails());
  return failureFromNetwork(action, error, url);
}

/**
 * One request over the core's axios instance: the token only in the Authorization header, the answer
 * size-capped and read as text, a deadline, and the outbound policy. Failures are MicropubFailures.
 */
async function send(
  options: TransportOptions,
  action: MicropubAction,
  request: AxiosRequestConfig,
): Promise<RawResponse> {
  const { timeoutMs, signal: own } = requestSignal(options);
  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = own ? AbortSignal.any([own, deadline]) : deadline;
  const url = request.url!;
  try {
    const response = await options.http.request<string>({
      ...request,
      headers: {
        Accept: 'application/json',
        ...request.headers,
        Authorization: `Bearer ${options.token}`,
      },
      // A form is encoded by axios' adapter itself; the default transform has nothing to add.
      transformRequest: [(data: unknown) => data],
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxContentLength: MAX_ANSWER,
      validateStatus: () => true,
      signal,
      outbound: outboundOf(options),
    });
    return {
      status: response.status,
      body: typeof response.data === 'string' ? response.data : '',
      headers: flatHeaders(response.headers as Record<string, unknown>),
      url,
    };
  } catch (error) {
    const cause = signal.aborted ? Object.assign(error as object, { cause: signal.reason }) : error;
    throw failureOf(cause, action, url);
  }
}
