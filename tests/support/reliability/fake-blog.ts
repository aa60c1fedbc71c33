import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeResponse } from '../../../main/core/publish/xmlrpc/encode';

export interface FakeBlog {
  endpoint: string;
  homeUrl: string;
  /** newPost calls by post title: more than one for a title is a duplicate post. */
  readonly created: Map<string, number>;
  /** Every request's method, in order. */
  readonly calls: string[];
  /** Answers the next `count` requests with 503 and this Retry-After (seconds). */
  failNext(count: number, retryAfterSeconds?: number): void;
  close(): Promise<void>;
}

/**
 * A small MetaWeblog blog on 127.0.0.1 for store tests that need publishing but not WordPress's
 * behaviour (that is tested against the real one): posts are kept in memory, so an edit, a read
 * back and a duplicate are all visible.
 */
export async function startFakeBlog(): Promise<FakeBlog> {
  const posts = new Map<string, { title: string; description: string }>();
  const created = new Map<string, number>();
  const calls: string[] = [];
  let failing = 0;
  let retryAfter: number | undefined;
  let port = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method === 'GET') {
        response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        response.end('<!doctype html><title>Fake blog</title>');
        return;
      }
      const body = Buffer.concat(chunks).toString();
      const method = /<methodName>([^<]+)</.exec(body)?.[1] ?? '';
      calls.push(method);
      if (failing > 0) {
        failing -= 1;
        response.writeHead(503, retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) });
        response.end('busy');
        return;
      }
      const strings = [...body.matchAll(/<string>([^<]*)<\/string>/g)].map((match) => match[1] ?? '');
      const title = /<name>title<\/name>\s*<value>(?:<string>)?([^<]*)/.exec(body)?.[1] ?? '';
      const post = (id: string) => ({
        postid: id,
        title: posts.get(id)?.title ?? '',
        description: posts.get(id)?.description ?? '',
        permaLink: `http://127.0.0.1:${port}/?p=${id}`,
        post_status: 'publish',
      });
      let answer: unknown;
      switch (method) {
        case 'metaWeblog.newPost': {
          const id = String(posts.size + 1);
          posts.set(id, { title, description: '' });
          created.set(title, (created.get(title) ?? 0) + 1);
          answer = id;
          break;
        }
        case 'metaWeblog.editPost':
          posts.set(strings[0] ?? '', { title, description: '' });
          answer = true;
          break;
        case 'metaWeblog.getPost':
          answer = post(strings[0] ?? '');
          break;
        case 'metaWeblog.getRecentPosts':
          answer = [...posts.keys()].map(post);
          break;
        case 'blogger.getUsersBlogs':
          answer = [{ blogid: '1', blogName: 'Fake blog', url: `http://127.0.0.1:${port}/`, isAdmin: true }];
          break;
        case 'system.listMethods':
          answer = [
            'metaWeblog.newPost',
            'metaWeblog.editPost',
            'metaWeblog.getPost',
            'metaWeblog.getRecentPosts',
            'blogger.getUsersBlogs',
            'blogger.deletePost',
          ];
          break;
        default:
          answer = [];
      }
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end(encodeResponse(answer as never));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}/xmlrpc.php`,
    homeUrl: `http://127.0.0.1:${port}/`,
    created,
    calls,
    failNext(count, seconds) {
      failing = count;
      retryAfter = seconds;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
