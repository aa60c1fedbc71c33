import type { HttpClient } from './http';

/**
 * The core's HTTP client, loaded on the first request: most commands never go online, and axios
 * is a large part of what a command would otherwise load. The core calls only `get`, `post`,
 * `request` and `postText`; each waits for the client and then behaves exactly as createHttpClient's.
 */
export function createLazyHttpClient(userAgent: string): HttpClient {
  let client: Promise<HttpClient> | undefined;
  const loaded = () =>
    (client ??= import('./http').then(({ createHttpClient }) => createHttpClient(userAgent)));
  type Method = 'get' | 'post' | 'request' | 'postText';
  const forward =
    (method: Method) =>
    async (...args: unknown[]) =>
      ((await loaded())[method] as (...args: unknown[]) => Promise<unknown>)(...args);
  return {
    get: forward('get'),
    post: forward('post'),
    request: forward('request'),
    postText: forward('postText'),
  } as unknown as HttpClient;
}
