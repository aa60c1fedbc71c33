import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Core } from '../../main/core/create-core';
import { createHttpClient } from '../../main/core/platform/http';
import { MetaweblogClient } from '../../main/core/publish/metaweblog/client';
import { XmlRpcError } from '../../main/core/publish/xmlrpc/errors';
import { addTestBlog, createTestPublishing } from '../support/publishing';
import { createTestCore } from '../support/test-core';
import { startHostileServer, type HostileMode } from '../support/xmlrpc/hostile-server';

const LIMITS = { timeoutMs: 1500, maxResponseBytes: 2 * 1024 * 1024 };
const clock = { now: () => new Date() };

let hostile: Awaited<ReturnType<typeof startHostileServer>>;
let otherHost: Server;
let otherHostHits = 0;
let dataDir: string;
let core: Core;
let publishing: ReturnType<typeof createTestPublishing>;
const blogIds = new Map<HostileMode, string>();

const CASES: { mode: HostileMode; kind: XmlRpcError['kind']; message: RegExp; ambiguous: boolean }[] = [
  {
    mode: 'drip',
    kind: 'timeout',
    message: /did not answer metaWeblog\.newPost within 2 s/,
    ambiguous: true,
  },
  {
    mode: 'huge',
    kind: 'too-large',
    message: /larger than 2 MB, so Postwright stopped reading it/,
    ambiguous: true,
  },
  { mode: 'malformed', kind: 'not-xmlrpc', message: /not well-formed XML/, ambiguous: true },
  { mode: 'entity-bomb', kind: 'not-xmlrpc', message: /DOCTYPE .*refused unread/, ambiguous: true },
  { mode: 'doctype', kind: 'not-xmlrpc', message: /DOCTYPE .*refused unread/, ambiguous: true },
  { mode: 'wrong-types', kind: 'invalid', message: /not what MetaWeblog promises/, ambiguous: true },
  { mode: 'bad-int', kind: 'invalid', message: /"12abc" is not a valid <int>/, ambiguous: true },
  { mode: 'string-fault', kind: 'fault', message: /Something broke/, ambiguous: false },
  {
    mode: 'redirect-away',
    kind: 'redirect',
    message: /redirected to localhost:\d+, an address on this computer or a private network/,
    ambiguous: true,
  },
  {
    mode: 'html',
    kind: 'not-xmlrpc',
    message: /HTML page, not XML-RPC.*text\/html, starting "<!DOCTYPE html>/,
    ambiguous: true,
  },
];

beforeAll(async () => {
  otherHost = createServer((_request, response) => {
    otherHostHits++;
    response.end(
      '<?xml version="1.0"?><methodResponse><params><param><value><string>9</string></value></param></params></methodResponse>',
    );
  });
  await new Promise<void>((resolve) => otherHost.listen(0, '127.0.0.1', resolve));
  const otherPort = (otherHost.address() as AddressInfo).port;
  hostile = await startHostileServer(() => `http://localhost:${otherPort}/xmlrpc.php`);

  dataDir = mkdtempSync(join(tmpdir(), 'postwright-hostile-'));
  core = createTestCore(dataDir);
  for (const { mode } of CASES) {
    const blog = await addTestBlog(
      dataDir,
      {
        name: `Hostile ${mode}`,
        homeUrl: hostile.url(mode).replace('xmlrpc.php', ''),
        endpoint: hostile.url(mode),
      },
      clock,
    );
    blogIds.set(mode, blog.id);
  }
  publishing = createTestPublishing(core, dataDir, {
    clock,
    backoff: { baseMs: 10, capMs: 50, maxAttempts: 3 },
    xmlrpcLimits: LIMITS,
  });
});

afterAll(async () => {
  await publishing.dispose();
  await core.dispose();
  await hostile.close();
  otherHost.closeAllConnections();
  await new Promise<void>((resolve) => otherHost.close(() => resolve()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a hostile XML-RPC server', () => {
  for (const { mode, kind, message } of CASES) {
    it(`${mode}: the call ends in a clear ${kind} error`, async () => {
      const client = new MetaweblogClient(
        createHttpClient('Postwright-test'),
        { endpoint: hostile.url(mode), remoteBlogId: '1', username: 'author', password: 'secret' },
        { limits: LIMITS },
      );
      const error = await client
        .newPost({ title: 'Hello', description: '<p>Hi</p>' }, true)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(XmlRpcError);
      expect((error as XmlRpcError).kind).toBe(kind);
      expect((error as XmlRpcError).message).toMatch(message);
    });
  }

  it('reads no more than the cap of a 200 MB answer', () => {
    expect(hostile.bytesSent('huge')).toBeLessThan(200 * 1024 * 1024);
  });

  it('follows no redirect to another host', () => {
    expect(otherHostHits).toBe(0);
  });

  for (const { mode, message, ambiguous } of CASES) {
    it(`${mode}: publishing fails with the reason, and a retry never sends the post twice`, async () => {
      const draft = await core.drafts.create({ title: `Hostile ${mode}`, html: '<p>Body</p>' });
      const before = hostile.calls(mode, 'metaWeblog.newPost');
      const job = await publishing.outbox.enqueuePublish({
        draftId: draft.id,
        blogId: blogIds.get(mode)!,
        options: {},
      });
      const first = await publishing.outbox.runNow(job.id);
      expect(first.state).not.toBe('done');
      expect(first.reason).toMatch(message);
      expect(first.ambiguous).toBe(ambiguous);
      expect(hostile.calls(mode, 'metaWeblog.newPost')).toBe(before + 1);
      const [second] = await publishing.outbox.retry(job.id);
      expect(second!.state).not.toBe('done');
      // After an ambiguous failure the blog is checked first; it cannot be checked here, so nothing is resent.
      expect(hostile.calls(mode, 'metaWeblog.newPost')).toBe(before + (ambiguous ? 1 : 2));
      expect((await core.drafts.get(draft.id)).status).toMatch(/queued|failed/);
    });
  }
});
