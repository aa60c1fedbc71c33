import { rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { addTestBlog } from '../support/publishing';
import { printFigure } from '../support/reliability/figure';
import { buildStoreSaver, killDuringSaves } from '../support/reliability/kill-saves';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// A short run of R1; `npm run bench:reliability` makes at least 1,000 saves.
const SAVES = Number(process.env.POSTWRIGHT_KILL_SAVES ?? 60);
const tempDir = useTempDir('postwright-store-crash-');
let saver = '';

beforeAll(async () => {
  saver = await buildStoreSaver();
  return () => rmSync(saver, { force: true });
});

/** A port nothing listens on: publishes wait in the outbox, as with a blog that cannot be reached. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

it(`every store survives kill -9 at random moments: nothing acknowledged lost, nothing torn (${SAVES} saves)`, async () => {
  const dataDir = tempDir();
  const port = await closedPort();
  const blog = await addTestBlog(dataDir, {
    name: 'Unreachable',
    homeUrl: `http://127.0.0.1:${port}/`,
    endpoint: `http://127.0.0.1:${port}/xmlrpc.php`,
  });
  const core = createTestCore(dataDir);
  const draft = await core.drafts.create({ title: 's0' });
  await core.dispose();
  const result = await killDuringSaves({ saver, dataDir, blogId: blog.id, draftId: draft.id, saves: SAVES });
  printFigure(result);
  expect(result.pass, result.value).toBe(true);
}, 900_000);
