import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { encodeFault, encodeResponse } from '../../main/core/publish/xmlrpc/encode';
import { runCliAsync } from '../support/cli';
import { coreCaller } from '../support/core-call';
import {
  startMicropubSite,
  type MicropubQuirks,
  type MicropubSite,
} from '../support/micropub-server/micropub-site';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// Issue 20: the offline archive over Micropub (the project's server, paging and not), and what a
// hostile or broken blog gets: one sentence, and what was pulled before kept.
const tempDir = useTempDir('postwright-archive-');
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function openCore(dataDir: string): { core: Core; call: ReturnType<typeof coreCaller> } {
  const core = createTestCore(dataDir);
  cleanups.push(() => core.dispose());
  return { core, call: coreCaller(core) };
}

async function micropubBlog(count: number, quirks: Partial<MicropubQuirks> = {}) {
  const site = await startMicropubSite(quirks);
  cleanups.push(() => site.close());
  const token = site.auth.issueToken();
  for (let i = 0; i < count; i += 1) {
    const answer = await fetch(site.micropubUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: ['h-entry'],
        properties: {
          name: [`Note ${i}`],
          content: [{ html: `<p>Note number ${i}${i === 3 ? ' about quokkas' : ''}</p>` }],
          category: i % 2 ? ['brighton'] : ['events'],
          published: [new Date(Date.UTC(2009, 0, 1 + i)).toISOString()],
          ...(i % 10 === 0 ? { photo: [`${site.url}media/photo-${i}.jpg`] } : {}),
        },
      }),
    });
    if (answer.status !== 201) throw new Error(`seeding note ${i}: HTTP ${answer.status}`);
  }
  const dataDir = tempDir();
  const { call, core } = openCore(dataDir);
  const blog = await call('blogs-add', {
    protocol: 'micropub',
    homeUrl: site.url,
    endpoint: site.micropubUrl,
    token,
  });
  return { site, dataDir, call, core, blog, token };
}

const sourceReads = (site: MicropubSite) =>
  site.log.filter(
    (request) => request.method === 'GET' && request.query.some(([k, v]) => k === 'q' && v === 'source'),
  );

describe('pulling a Micropub blog', () => {
  it('pages through q=source with limit and after, and keeps each post whole', async () => {
    const { site, call, blog } = await micropubBlog(230);
    site.startCase();
    const result = await call('archive-pull', { blogId: blog.id });
    expect(result).toMatchObject({ complete: true, seen: 230, changed: 230, total: 230 });
    const reads = sourceReads(site).map((request) => new URLSearchParams(request.query).get('after'));
    expect(reads).toHaveLength(3);
    expect(reads[0]).toBeNull();
    expect(reads[1]).not.toBeNull();

    const post = await call('archive-get', { blogId: blog.id, postId: `${site.url}posts/post-11` });
    expect(post).toMatchObject({
      title: 'Note 10',
      categories: ['events'],
      status: 'publish',
      type: 'h-entry',
      publishedAt: '2009-01-11T00:00:00.000Z',
      media: [`${site.url}media/photo-10.jpg`],
    });
    const found = await call('archive-search', { query: 'quokkas', in: 'published' });
    expect(found.items.map((hit) => hit.title)).toEqual(['Note 3']);
  });

  it('pulls again comparing what it gets: only a changed post is written', async () => {
    const { site, call, blog, token } = await micropubBlog(120);
    await call('archive-pull', { blogId: blog.id });
    await fetch(site.micropubUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        action: 'update',
        url: `${site.url}posts/post-5`,
        replace: { name: ['Note 4, renamed'] },
      }),
    });
    const again = await call('archive-pull', { blogId: blog.id });
    expect(again).toMatchObject({ complete: true, seen: 120, changed: 1, total: 120 });
    expect((await call('archive-search', { query: 'renamed', in: 'both' })).items).toEqual([
      expect.objectContaining({ kind: 'published', postId: `${site.url}posts/post-5` }),
    ]);
  });

  it('cancelled after its first page, stops there; the next pull goes on from it', async () => {
    const { site, call, blog, core } = await micropubBlog(230);
    // The router loads a method's checks on its first call: loaded before the pull, the cancel
    // lands before the second page's answer (else on a quick machine the page came first).
    await call('jobs-cancel', { id: 'none' }).catch(() => undefined);
    const stop = core.events.onAny((event, payload) => {
      const job = payload as { id: string; done: number; label: string; state: string };
      if (event === 'progress' && job.state === 'running' && job.done >= 100)
        void call('jobs-cancel', { id: job.id });
    });
    const cancelled = await call('archive-pull', { blogId: blog.id });
    stop();
    expect(cancelled).toMatchObject({ complete: false, seen: 100 });
    expect((await call('jobs-list', {})).map((job) => job.state)).toEqual(['cancelled']);
    site.startCase();
    const after = await call('archive-pull', { blogId: blog.id });
    expect(after).toMatchObject({ complete: true, resumed: true, seen: 230, total: 230 });
    expect(sourceReads(site)).toHaveLength(2);
  });

  it('a server that does not page is asked once for all it has', async () => {
    const { site, call, blog } = await micropubBlog(150, { sourcePaging: false });
    site.startCase();
    const result = await call('archive-pull', { blogId: blog.id });
    expect(result).toMatchObject({ complete: true, total: 150 });
    expect(sourceReads(site).map((request) => new URLSearchParams(request.query).get('limit'))).toEqual([
      '100',
      '10000',
    ]);
  });
});

/** A server on 127.0.0.1 that answers as `answer` says, for the blog's every request. */
async function hostileServer(answer: (body: string, url: string) => { type: string; body: string | Buffer }) {
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { type, body } = answer(Buffer.concat(chunks).toString(), request.url ?? '/');
      response.writeHead(200, { 'Content-Type': type });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const xml = (body: string) => ({ type: 'text/xml', body });

describe('a hostile or broken blog', () => {
  it('XML-RPC: a page that is not a list of posts, then a fault, each one sentence; what came before is kept', async () => {
    let mode = 'good';
    const home = await hostileServer((body) => {
      const method = /<methodName>([^<]+)</.exec(body)?.[1] ?? '';
      if (method === 'blogger.getUsersBlogs')
        return xml(encodeResponse([{ blogid: '1', blogName: 'Hostile', url: 'http://127.0.0.1/' }]));
      if (method === 'system.listMethods') return xml(encodeResponse(['wp.getPosts']));
      if (method !== 'wp.getPosts') return xml(encodeFault(-32601, 'no such method'));
      const offset = Number(/<name>offset<\/name>\s*<value><int>(\d+)/.exec(body)?.[1] ?? 0);
      if (mode === 'good' || offset === 0) {
        const type = /<name>post_type<\/name>\s*<value><string>(\w+)/.exec(body)?.[1];
        if (type === 'page' || offset > 0) return xml(encodeResponse([]));
        return xml(
          encodeResponse(
            Array.from({ length: 100 }, (_, i) => ({
              post_id: String(i + 1),
              post_title: `<script>alert(${i})</script>Hostile ${i}`,
              post_content: `<p onclick="steal()">Body ${i}</p><img src="javascript:alert(1)"><iframe src="http://evil.example/"></iframe>`,
              post_type: 'post',
              post_status: 'publish',
              link: 'javascript:alert(1)',
              terms: [{ taxonomy: 'post_tag', name: 'x' }],
            })),
          ),
        );
      }
      if (mode === 'struct') return xml(encodeResponse({ post_id: 'not a list' }));
      if (mode === 'binary') return { type: 'text/xml', body: Buffer.from([0, 159, 146, 150, 255, 0, 1]) };
      return xml(encodeFault(500, 'database gone'));
    });
    const dataDir = tempDir();
    const added = await runCliAsync(
      ['blogs', 'add', home, '--user', 'author', '--password-stdin', '--json'],
      { dataDir, input: 'secret\n' },
    );
    expect(added.status, added.stderr).toBe(0);
    const blogId = added.json<{ blog: { id: string } }>().blog.id;
    expect((await runCliAsync(['blogs', 'pull', blogId, '--json'], { dataDir })).json()).toMatchObject({
      total: 100,
      complete: true,
    });
    const files = () => readdirSync(join(dataDir, 'archive', blogId, 'posts')).sort();
    const before = files();

    for (const [which, said] of [
      ['struct', /is not what MetaWeblog promises/],
      ['binary', /did not answer as an XML-RPC endpoint/],
      ['fault', /database gone/],
    ] as const) {
      mode = which;
      // A full pull again (the mark is forgotten), so the page after the first is asked for.
      const pull = await runCliAsync(['blogs', 'pull', blogId], { dataDir });
      expect(pull.status, which).toBe(1);
      expect(pull.stderr, which).toMatch(said);
      expect(pull.stderr, which).toMatch(/What was pulled is kept; pull again to go on\.\n$/);
      expect(pull.stderr, which).not.toMatch(/\n\s+at /);
      expect(files()).toEqual(before);
    }

    // Read offline: the body sanitised, the link that is not a web address dropped.
    const { call } = openCore(dataDir);
    const post = await call('archive-get', { blogId, postId: '7' });
    expect(post.html).not.toMatch(/onclick|javascript:|iframe/);
    expect(post.url).toBeNull();
  });

  it('Micropub: garbage items are skipped, a cursor that repeats ends the pull, a broken page is one sentence', async () => {
    let mode = 'garbage';
    const home = await hostileServer((_body, url) => {
      const query = new URL(url, 'http://x/').searchParams;
      if (url === '/')
        return { type: 'text/html', body: '<link rel="micropub" href="/micropub"><title>Odd</title>' };
      if (query.get('q') === 'config') return { type: 'application/json', body: '{}' };
      if (mode === 'broken') return { type: 'application/json', body: '{"items": [' };
      return {
        type: 'application/json',
        body: JSON.stringify({
          items: [
            7,
            null,
            'a string',
            { type: ['h-entry'], properties: { name: ['No address'] } },
            { type: ['h-entry'], properties: { url: ['javascript:alert(1)'], name: ['Bad address'] } },
            {
              type: ['h-entry'],
              properties: {
                url: ['http://127.0.0.1/ok'],
                name: ['x'.repeat(100_000)],
                content: [{ html: '<b>ok</b>' }],
              },
            },
            { type: 'h-entry', properties: 'not an object' },
          ],
          paging: { after: 'same' },
        }),
      };
    });
    const dataDir = tempDir();
    const { call } = openCore(dataDir);
    const blog = await call('blogs-add', {
      protocol: 'micropub',
      homeUrl: home,
      endpoint: `${home}micropub`,
      token: 't',
    });
    const result = await call('archive-pull', { blogId: blog.id });
    expect(result).toMatchObject({ complete: true, total: 1 });
    mode = 'broken';
    await expect(call('archive-pull', { blogId: blog.id })).rejects.toThrow(
      /What was pulled is kept; pull again to go on\.$/,
    );
    expect((await call('archive-search', { query: 'xxxx', in: 'published' })).total).toBe(1);
  });
});
