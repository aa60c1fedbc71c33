import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import {
  checkFirstRequest,
  checkRedirect,
  guardedLookup,
  systemResolver,
  type OutboundContext,
  type Resolver,
} from '../net/outbound-policy';
import { postText, type TextAnswer, type TextPost } from './text-request';

/** The core's axios instance, plus the lean exchange the publishing calls use (text-request.ts). */
export interface HttpClient extends AxiosInstance {
  postText(request: TextPost): Promise<TextAnswer>;
}

declare module 'axios' {
  interface AxiosRequestConfig {
    /** Whose address this is, for the outbound policy (main/core/net/outbound-policy.ts). */
    outbound?: OutboundContext;
  }
}

/**
 * axios turns TCP keep-alive on with a 60 s delay on every request's socket, and Node's default
 * agents set it back to 1 s when the socket returns to the pool: two rounds of setsockopt calls per
 * request on a kept-alive connection. Agents that pool with axios' own delay leave the socket as it
 * is. Otherwise they are Node's default agents (keep-alive, most recently used socket first, idle
 * sockets closed after 5 s), shared by every client as those are.
 */
const AXIOS_KEEP_ALIVE_MS = 60_000;
const poolOptions = {
  keepAlive: true,
  keepAliveMsecs: AXIOS_KEEP_ALIVE_MS,
  scheduling: 'lifo',
  timeout: 5000,
} as const;
const httpAgent = new HttpAgent(poolOptions);
const httpsAgent = new HttpsAgent(poolOptions);

/**
 * The core's HTTP client. Limits are defaults every caller inherits: bodies are capped, redirects
 * are few, and callers pass an AbortSignal deadline (axios' own timeout does not stop a slow drip).
 * Every request goes through the outbound policy: its first address and each redirect hop are
 * checked, and so is every address a host name resolves to. Proxies from the environment are not
 * used, so the policy always sees the real destination.
 */
export function createHttpClient(userAgent: string, options: { resolver?: Resolver } = {}): HttpClient {
  const http = axios.create({
    headers: { 'User-Agent': userAgent },
    maxRedirects: 5,
    maxContentLength: 20 * 1024 * 1024,
    maxBodyLength: 100 * 1024 * 1024,
    validateStatus: () => true,
    proxy: false,
    httpAgent,
    httpsAgent,
  });
  const resolver = options.resolver ?? systemResolver;
  http.interceptors.request.use((config) => {
    const context = config.outbound ?? {};
    const first = new URL(requestAddress(http, config));
    checkFirstRequest(first, context);
    const own = config.beforeRedirect;
    let hop = 0;
    config.beforeRedirect = (redirect, response, request) => {
      hop += 1;
      const to = new URL(String(redirect.href));
      // follow-redirects enforces maxRedirects itself; this checks where each hop goes.
      checkRedirect(new URL(request.url), to, hop, Number.POSITIVE_INFINITY, context);
      own?.(redirect, response, request);
    };
    config.lookup = guardedLookup(context, first, resolver) as NonNullable<typeof config.lookup>;
    return config;
  });
  const settings = { userAgent, resolver, agents: { http: httpAgent, https: httpsAgent } };
  return Object.assign(http, { postText: (request: TextPost) => postText(request, settings) });
}

/**
 * The address a request goes to. The config reaching an interceptor is already merged with the
 * instance's defaults, and getUri would merge it again (most of this interceptor's time); an
 * absolute http(s) URL with no baseURL or params is the address as it stands, so axios is asked
 * only when it has something to add.
 */
function requestAddress(http: AxiosInstance, config: InternalAxiosRequestConfig): string {
  const { url, baseURL, params } = config;
  if (typeof url === 'string' && !baseURL && !params && /^https?:\/\//i.test(url)) return url;
  return http.getUri(config);
}
