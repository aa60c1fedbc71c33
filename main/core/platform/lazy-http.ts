import type { HttpClient } from './http';
import type { TextPost } from './text-request';

/**
 * The core's HTTP client, loaded on the first request: most commands never go online, and axios
 * is a large part of what a command would otherwise load. The core calls only `get`, `post`,
 * `request` and `postText`; each waits for the client and then behaves exactly as createHttpClient's.
 * `postText`, the path every publish takes (XML-RPC and Micropub), loads only the lean exchange and
 * the shared connection pools, never axios.
 */
export function createLazyHttpClient(userAgent: string): HttpClient {
  let client: Promise<HttpClient> | undefined;
  const loaded = () =>
    (client ??= import('./http').then(({ createHttpClient }) => createHttpClient(userAgent)));
  type Method = 'get' | 'post' | 'request';
  const forward =
    (method: Method) =>
    async (...args: unknown[]) =>
      ((await loaded())[method] as (...args: unknown[]) => Promise<unknown>)(...args);
  const postText = async (request: TextPost) => {
    const [{ postText: post }, { sharedAgents }, { systemResolver }] = await Promise.all([
      import('./text-request'),
      import('./agents'),
      import('../net/outbound-policy'),
    ]);
    return post(request, { userAgent, resolver: systemResolver, agents: sharedAgents });
  };
  return {
    get: forward('get'),
    post: forward('post'),
    request: forward('request'),
    postText,
  } as unknown as HttpClient;
}
