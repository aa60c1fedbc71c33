import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { encodeResponse } from '../../main/core/publish/xmlrpc/encode';
import type { OutboxJob } from '../../shared/model/publish';
import { watchOutbox } from '../support/outbox-watch';
import { addTestBlog, createTestPublishing } from '../support/publishing';
import { createTestCore } from '../support/test-core';

let dataDir: string;
let core: Core;
let port: number;
let server: Server | undefined;
const received: string[] = [];

/** A tiny MetaWeblog server that answers newPost and getPost, started only when "the network is back". */
function startBlog(): Promise<void> {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const method = /<methodName>([^<]+)</.exec(Buffer.concat(chunks).toString())?.[1] ?? '';
      received.push(method);
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.end(
        method === 'metaWeblog.newPost'
          ? encodeResponse('77')
          : encodeResponse({
              postid: '77',
              title: 'Offline',
              description: '<p>x</p>',
              permaLink: `http://127.0.0.1:${port}/offline/`,
              post_status: 'publish',
            }),
      );
    });
  });
  return new Promise((resolve) => server!.listen(port, '127.0.0.1', () => resolve()));
}

beforeAll(async () => {
  // A port nothing listens on yet: connections are refused, as when the blog cannot be reached.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-offline-'));
  core = createTestCore(dataDir);
});

afterAll(async () => {
  await core.dispose();
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

it('an unreachable blog: the publish waits in the outbox and goes once the blog can be reached', async () => {
  const blog = await addTestBlog(dataDir, {
    name: 'Offline blog',
    homeUrl: `http://127.0.0.1:${port}/`,
    endpoint: `http://127.0.0.1:${port}/xmlrpc.php`,
  });
  const publishing = createTestPublishing(core, dataDir, {
    host: 'browser',
    backoff: { baseMs: 50, capMs: 200, maxAttempts: 3 },
  });
  const outbox = watchOutbox(core.events);
  const changes: OutboxJob[] = [];
  const stop = core.events.onAny((event, payload) => {
    if (event === 'outbox-changed') changes.push(payload as OutboxJob);
  });
  const draft = await core.drafts.create({ title: 'Offline', html: '<p>x</p>', blogId: blog.id });
  const job = await publishing.outbox.enqueuePublish({ draftId: draft.id, blogId: blog.id, options: {} });
  const first = await publishing.outbox.runNow(job.id);
  expect(first.state).toBe('queued');
  expect(first.ambiguous).toBe(false);
  expect(first.reason).toMatch(
    /could not reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)\. The post waits in the outbox/,
  );
  expect((await core.drafts.get(draft.id)).status).toBe('queued');

  await startBlog();
  const [done] = await outbox.settled([job.id], 20_000);
  outbox.stop();
  stop();
  await publishing.dispose();
  expect(done?.result).toEqual({
    postId: '77',
    url: `http://127.0.0.1:${port}/offline/`,
    remoteStatus: 'publish',
  });
  expect(received.filter((method) => method === 'metaWeblog.newPost')).toHaveLength(1);
  expect((await core.drafts.get(draft.id)).status).toBe('published');
  expect(changes.map((change) => change.state)).toEqual(
    expect.arrayContaining(['queued', 'sending', 'done']),
  );
});
