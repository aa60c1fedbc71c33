import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Blog } from '../../../shared/model/blog';
import type { OutboxJob, RemotePostSummary } from '../../../shared/model/publish';
import { runCli } from '../../support/cli';
import { createTestCore } from '../../support/test-core';

const wp = inject('wordpress');
const run = randomBytes(3).toString('hex');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-cli-wp-'));
});

// The hook above may not have run (no test WordPress): clean up only what exists.
afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

it('blogs add / list / test, publish, posts recent / pull, outbox list, blogs remove: the exact CLI forms', async () => {
  const added = runCli(['blogs', 'add', wp.WP_URL, '--user', wp.WP_USER, '--password-stdin', '--json'], {
    dataDir,
    input: `${wp.WP_PASSWORD}\n`,
  });
  expect(added.status, added.stderr).toBe(0);
  const { blog } = added.json<{ blog: Blog }>();
  expect(blog).toMatchObject({
    protocol: 'metaweblog',
    endpoint: wp.WP_ENDPOINT,
    remoteBlogId: wp.WP_BLOG_ID,
  });

  const wrong = runCli(['blogs', 'add', wp.WP_URL, '--user', wp.WP_USER, '--password-stdin'], {
    dataDir,
    input: 'nope\n',
  });
  expect(wrong.status).toBe(1);
  expect(wrong.stderr).toMatch(/refused the user name or password/);

  const list = runCli(['blogs', 'list', '--json'], { dataDir });
  expect(list.json<Blog[]>().map((entry) => entry.id)).toEqual([blog.id]);
  const test = runCli(['blogs', 'test', blog.id], { dataDir });
  expect(test.status, test.stderr).toBe(0);
  expect(test.stdout).toMatch(/Publishing will work/);

  const core = createTestCore(dataDir);
  const draft = await core.drafts.create({ title: `CLI post ${run}`, html: '<p>From the command line.</p>' });
  await core.dispose();

  const published = runCli(['publish', draft.id, '--status', 'publish', '--json'], { dataDir });
  expect(published.status, published.stderr).toBe(0);
  const job = published.json<OutboxJob>();
  expect(job.state).toBe('done');
  const text = runCli(['publish', draft.id], { dataDir });
  expect(text.stdout).toMatch(new RegExp(`"CLI post ${run}" is published on .*: ${job.result!.url}`));

  const recent = runCli(['posts', 'recent', '--blog', blog.id, '--json'], { dataDir });
  expect(recent.json<RemotePostSummary[]>().map((post) => post.postId)).toContain(job.result!.postId);
  const pulled = runCli(['posts', 'pull', job.result!.postId, '--blog', blog.id], { dataDir });
  expect(pulled.status, pulled.stderr).toBe(0);
  expect(pulled.stdout).toMatch(new RegExp(`Pulled "CLI post ${run}" into draft `));

  const outbox = runCli(['outbox', 'list', '--json'], { dataDir });
  expect(
    outbox
      .json<OutboxJob[]>()
      .filter((entry) => entry.draftId === draft.id)
      .every((entry) => entry.state === 'done'),
  ).toBe(true);
  const retry = runCli(['outbox', 'retry'], { dataDir });
  expect(retry.stdout).toMatch(/Nothing was waiting/);

  const bad = runCli(['publish', draft.id, '--status', 'later'], { dataDir });
  expect(bad.status).toBe(2);
  const removed = runCli(['blogs', 'remove', blog.id], { dataDir });
  expect(removed.status, removed.stderr).toBe(0);
  expect(runCli(['blogs', 'list'], { dataDir }).stdout).toMatch(/No blogs yet/);
});
