import axios, { type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import {
  checkFirstRequest,
  checkRedirect,
  guardedLookup,
  systemResolver,
  type OutboundContext,
  type Resolver,
} from '../net/outbound-policy';
import { sharedAgents } from './agents';
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
    httpAgent: sharedAgents.http,
    httpsAgent: sharedAgents.https,
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
  const settings = { userAgent, resolver, agents: sharedAgents };
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
