import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { coreCaller } from '../core-call';
import { createTestCore } from '../test-core';

/**
 * A Micropub blog on 127.0.0.1 listing `count` notes 100 a page; while `hold` is set, a request
 * for a page (from post `fromPost` on) waits until `release()`, and `asked` resolves when one arrives.
 */
export async function heldBlog(
  count: number,
  options: {
    dataDir: string;
    cleanups: (() => Promise<unknown>)[];
    /** More of a post's body (its images). */
    body?: (index: number, home: string) => string;
    /** Answers a request that is not the Micropub endpoint's; false when it does not. */
    serve?: (request: IncomingMessage, response: ServerResponse) => boolean;
  },
) {
  const { cleanups } = options;
  let releaseHeld: () => void = () => undefined;
  let held: Promise<void> | null = null;
  let heldFrom = 0;
  let askedResolve: () => void = () => undefined;
  const blog = {
    sourceReads: 0,
    hold(fromPost = 0) {
      heldFrom = fromPost;
      held = new Promise((resolve) => (releaseHeld = resolve));
      blog.asked = new Promise<void>((resolve) => (askedResolve = resolve));
    },
    release: () => {
      held = null;
      releaseHeld();
    },
    asked: Promise.resolve(),
    url: '',
  };
  const server = createServer((request, response) => {
    if (options.serve?.(request, response)) return;
    const query = new URL(request.url ?? '/', 'http://x/').searchParams;
    const answer = (body: unknown) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (query.get('q') !== 'source') return answer({});
    blog.sourceReads += 1;
    const after = Number(query.get('after') ?? 0);
    const items = Array.from({ length: Math.max(0, Math.min(100, count - after)) }, (_, i) => ({
      type: ['h-entry'],
      properties: {
        url: [`${blog.url}posts/${after + i}`],
        name: [`Note ${after + i}`],
        content: [{ html: `<p>Body of note ${after + i}</p>${options.body?.(after + i, blog.url) ?? ''}` }],
        published: [new Date(Date.UTC(2010, 0, 1 + after + i)).toISOString()],
      },
    }));
    const page = { items, paging: after + 100 < count ? { after: String(after + 100) } : {} };
    if (!held || after < heldFrom) return answer(page);
    askedResolve();
    void held.then(() => answer(page));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        blog.release();
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  blog.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const { dataDir } = options;
  const core = createTestCore(dataDir);
  const added = await coreCaller(core)('blogs-add', {
    protocol: 'micropub',
    homeUrl: blog.url,
    endpoint: `${blog.url}micropub`,
    token: 't',
  });
  await core.dispose();
  return { blog, dataDir, blogId: added.id };
}
