import type { Readable } from 'node:stream';
import { CoreFailure, type ErrorCode } from '../../../shared/contract/errors';
import { flatHeaders } from './flat-headers';
import type { HttpClient } from './http';
import { checkRedirect, outboundRefusal, type OutboundContext } from '../net/outbound-policy';

export interface GetLimits {
  /** The whole exchange, redirects and body included: a slow drip of bytes does not extend it. */
  deadlineMs: number;
  maxBytes: number;
  /** 'truncate' keeps the first maxBytes (a page's head is all we read); 'fail' refuses a bigger answer. */
  overCap: 'truncate' | 'fail';
  maxRedirects: number;
}

export interface GetRequest extends GetLimits, OutboundContext {
  accept: string;
  signal?: AbortSignal;
  /** Whether the body is worth reading, judged from the status and headers; unread bodies are dropped. */
  wantBody?: (status: number, headers: Record<string, string>) => boolean;
}

export interface GotAnswer {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** Where the last redirect led. */
  finalUrl: string;
  truncated: boolean;
}

export type GetFailureKind =
  'refused' | 'timeout' | 'cancelled' | 'too-large' | 'unreachable' | 'tls' | 'broken';

const CODE_OF: Record<GetFailureKind, ErrorCode> = {
  refused: 'remote-error',
  timeout: 'offline',
  cancelled: 'cancelled',
  'too-large': 'remote-error',
  unreachable: 'offline',
  tls: 'remote-error',
  broken: 'offline',
};

/** Why a GET failed, as one sentence for the author (a CoreFailure, so it crosses the wire as is). */
export class GetFailed extends CoreFailure {
  constructor(
    readonly kind: GetFailureKind,
    message: string,
  ) {
    super(CODE_OF[kind], message);
    this.name = 'GetFailed';
  }
}

/**
 * The one "GET with a deadline and a size cap" of the core, for discovery, sign-in server metadata
 * and link details. Redirects are followed one hop at a time so the outbound policy judges each;
 * the body is streamed and cut at the cap, so neither a 200 MB answer nor a gzip bomb is held in memory.
 */
export async function outboundGet(http: HttpClient, url: string, request: GetRequest): Promise<GotAnswer> {
  const deadline = AbortSignal.timeout(request.deadlineMs);
  const signal = request.signal ? AbortSignal.any([deadline, request.signal]) : deadline;
  const what = request.what ?? 'The server';
  const context: OutboundContext = {
    anchor: request.anchor ?? url,
    ...(request.publicOnly ? { publicOnly: true } : {}),
    what,
  };
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    throw new GetFailed('refused', `"${url}" is not a web address.`);
  }
  try {
    for (let hop = 0; ; hop++) {
      const response = await http.request<Readable>({
        url: current.href,
        method: 'GET',
        maxRedirects: 0,
        responseType: 'stream',
        signal,
        validateStatus: () => true,
        headers: { Accept: request.accept },
        outbound: context,
      });
      const headers = flatHeaders(response.headers as Record<string, unknown>);
      const location = headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        response.data.destroy();
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new GetFailed('refused', `${what} redirected to an address that is not valid.`);
        }
        checkRedirect(current, next, hop + 1, request.maxRedirects, context);
        current = next;
        continue;
      }
      if (request.wantBody && !request.wantBody(response.status, headers)) {
        response.data.destroy();
        return {
          status: response.status,
          headers,
          body: Buffer.alloc(0),
          finalUrl: current.href,
          truncated: false,
        };
      }
      const { body, truncated } = await readCapped(response.data, request, signal, what);
      return { status: response.status, headers, body, finalUrl: current.href, truncated };
    }
  } catch (error) {
    throw explainFailure(error, { deadline, cancel: request.signal, deadlineMs: request.deadlineMs, what });
  }
}

async function readCapped(
  stream: Readable,
  limits: GetLimits,
  signal: AbortSignal,
  what: string,
): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let total = 0;
  let truncated = false;
  const stop = () => stream.destroy(new Error('aborted'));
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      chunks.push(buffer);
      total += buffer.length;
      if (total > limits.maxBytes) {
        truncated = true;
        break;
      }
    }
  } finally {
    signal.removeEventListener('abort', stop);
    stream.destroy();
  }
  if (signal.aborted) throw signal.reason;
  if (truncated && limits.overCap === 'fail') {
    throw new GetFailed(
      'too-large',
      `${what} sent more than ${megabytes(limits.maxBytes)}, so Postwright stopped reading it.`,
    );
  }
  return { body: Buffer.concat(chunks).subarray(0, limits.maxBytes), truncated };
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

/** One sentence for whatever ended a GET: the policy, the clock, the author, the network or TLS. */
export function explainFailure(
  error: unknown,
  context: { deadline: AbortSignal; cancel?: AbortSignal | undefined; deadlineMs: number; what: string },
): GetFailed {
  if (error instanceof GetFailed) return error;
  const refusal = outboundRefusal(error);
  if (refusal) return new GetFailed('refused', refusal.message);
  if (context.cancel?.aborted) return new GetFailed('cancelled', 'Cancelled.');
  if (context.deadline.aborted) {
    return new GetFailed(
      'timeout',
      `${context.what} did not answer within ${context.deadlineMs / 1000} seconds.`,
    );
  }
  // axios' errors carry node's code too, so one read covers both (and keeps axios out of the import).
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const causeCode = ((error as { cause?: { code?: string } })?.cause?.code ?? code) as string | undefined;
  const host = (error as { hostname?: string })?.hostname;
  if (causeCode && TLS_CODES.has(causeCode)) {
    return new GetFailed('tls', `${context.what}'s security certificate is not valid, so it was not read.`);
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new GetFailed(
        'unreachable',
        `The site${host ? ` ${host}` : ''} could not be found: check the address or the network.`,
      );
    case 'ECONNREFUSED':
      // The same words as discovery's probes use for it.
      return new GetFailed('unreachable', 'Nothing answers at that address (the connection was refused).');
    case 'ECONNRESET':
    case 'ERR_BAD_RESPONSE':
      return new GetFailed('broken', 'The connection broke off; try again.');
    default:
      return new GetFailed(
        'broken',
        `${context.what} could not be read (${(error as Error)?.message ?? String(error)}).`,
      );
  }
}
