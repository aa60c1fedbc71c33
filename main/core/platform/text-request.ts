import { request as httpRequest, type Agent as HttpAgent, type IncomingMessage } from 'node:http';
import { request as httpsRequest, type Agent as HttpsAgent } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import {
  checkFirstRequest,
  guardedLookup,
  type OutboundContext,
  type Resolver,
} from '../net/outbound-policy';
import { flatHeaders } from './flat-headers';

/** A POST whose body is text ready to send (a JSON or form-encoded Micropub call). */
export interface TextPost {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Cancels the exchange (the outbox's or the caller's signal). */
  signal?: AbortSignal;
  /** The whole exchange's deadline: a slow drip of bytes does not extend it. */
  timeoutMs: number;
  /** More answer than this fails the exchange (code ERR_ANSWER_TOO_LARGE). */
  maxAnswerBytes: number;
  outbound: OutboundContext;
}

/** The answer as it came: status, lower-cased headers, the body decoded to UTF-8 text. */
export interface TextAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface TextClientSettings {
  userAgent: string;
  resolver: Resolver;
  agents: { http: HttpAgent; https: HttpsAgent };
}

/** The error of an answer larger than the request allows; nothing more of it is read. */
export const ANSWER_TOO_LARGE = 'ERR_ANSWER_TOO_LARGE';

/**
 * One POST on node:http, for the requests that publish: axios' pipeline (config merging,
 * interceptors, a Buffer copy of the body, decompression streams) costs more than the request
 * itself on a nearby server (DESIGN.md §8: publish overhead ≤ 1.2× a bare HTTP call). It keeps what
 * the axios client guarantees: the outbound policy on the address and on every address a name
 * resolves to, the shared keep-alive agents, a capped answer, a deadline and the caller's signal.
 * A redirect is an answer, never followed: a redirected POST would be re-sent as a GET.
 * Errors are node's own (ECONNREFUSED, ECONNRESET), an AbortError (its cause a TimeoutError when
 * the deadline passed), an OutboundRefused, or ANSWER_TOO_LARGE.
 */
export function postText(request: TextPost, settings: TextClientSettings): Promise<TextAnswer> {
  const target = new URL(request.url);
  checkFirstRequest(target, request.outbound);
  const secure = target.protocol === 'https:';
  const { body } = request;
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (error: Error | null, answer?: TextAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      request.signal?.removeEventListener('abort', cancel);
      if (error) {
        outgoing.destroy();
        reject(error);
      } else resolve(answer!);
    };
    const cancel = () => finish(abortError(request.signal?.reason));
    const deadline = setTimeout(
      () => finish(abortError(new DOMException('The request took too long.', 'TimeoutError'))),
      request.timeoutMs,
    );
    const outgoing = (secure ? httpsRequest : httpRequest)(
      {
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        method: 'POST',
        agent: secure ? settings.agents.https : settings.agents.http,
        lookup: connectLookup(guardedLookup(request.outbound, target, settings.resolver)),
        headers: {
          'User-Agent': settings.userAgent,
          // Without this header a server may pick any coding (RFC 9110 §12.5.3); these three are read.
          'Accept-Encoding': 'gzip, deflate, br',
          ...request.headers,
          'Content-Length': String(Buffer.byteLength(body)),
        },
      },
      (answer) => readAnswer(answer, request.maxAnswerBytes, finish),
    );
    outgoing.on('error', (error) => finish(error));
    if (request.signal?.aborted) return cancel();
    request.signal?.addEventListener('abort', cancel, { once: true });
    outgoing.end(body, 'utf8');
  });
}

function readAnswer(
  answer: IncomingMessage,
  maxBytes: number,
  finish: (error: Error | null, answer?: TextAnswer) => void,
): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const body = decoded(answer);
  // The cap counts decoded bytes, so a small compressed answer cannot unpack into gigabytes.
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) {
      body.destroy();
      answer.destroy();
      return finish(
        Object.assign(new Error(`The answer is larger than ${maxBytes} bytes.`), { code: ANSWER_TOO_LARGE }),
      );
    }
    chunks.push(chunk);
  });
  const done = (text: string) =>
    finish(null, { status: answer.statusCode ?? 0, headers: flatHeaders(answer.headers), body: text });
  answer.on('error', (error) => finish(error));
  if (body !== answer)
    body.on('error', () => {
      // The server did answer, so its status and headers (a created post's Location) still
      // stand, with a body that could not be decoded; the rest of it is not read.
      done('');
      answer.destroy();
    });
  body.on('end', () => done(Buffer.concat(chunks, size).toString('utf8')));
}

/** The answer's bytes with its content coding undone; an unknown coding is read as it is. */
function decoded(answer: IncomingMessage): Readable {
  const coding = String(answer.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip()
      : coding === 'deflate'
        ? createInflate()
        : coding === 'br'
          ? createBrotliDecompress()
          : null;
  return decoder ? answer.pipe(decoder) : answer;
}

function abortError(cause: unknown): Error {
  return Object.assign(new Error('The request was stopped.', { cause }), { name: 'AbortError' });
}

type Lookup = ReturnType<typeof guardedLookup>;

/**
 * The policy's lookup answers with every address; node's connect asks for all of them (it tries
 * each family in turn) or, with that option off, for one address and its family.
 */
function connectLookup(lookup: Lookup): LookupFunction {
  return (hostname, options, callback) =>
    lookup(hostname, options, (error, addresses) => {
      if (error) return callback(error, []);
      if (!addresses?.length) {
        const none = Object.assign(new Error(`${hostname} has no address.`), { code: 'ENOTFOUND' });
        return callback(none, []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
}
