import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { OutboxJob } from '../../../shared/model/publish';
import { coreCaller } from '../../support/core-call';
import { createTestCore } from '../../support/test-core';
import { seededRandom } from '../../support/seeded-random';
import { startForwardingProxy } from '../../support/wordpress/forwarding-proxy';
import { addPeerBlogBehindProxy } from '../../support/wordpress/peer-blog';
import { wordpressRest } from '../../support/wordpress/rest';

const wp = inject('wordpress');
const rest = wordpressRest(wp);
const run = randomBytes(3).toString('hex');
const KILLS = 20;
const random = seededRandom(Number.parseInt(run, 16));

let dataDir: string;
let proxy: Awaited<ReturnType<typeof startForwardingProxy>>;

beforeAll(async () => {
  if (!existsSync('dist/cli/postwright.mjs')) throw new Error('Build first: node scripts/build.mjs');
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-crash-'));
  // WordPress's answers are held back a little, so a kill often lands while a request is out.
  proxy = await startForwardingProxy(wp.WP_URL, () => ({
    action: 'delay',
    ms: 200 + Math.floor(random() * 600),
  }));
});

// The hooks above may not have run (no test WordPress): clean up only what exists.
afterAll(async () => {
  await proxy?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function runCliAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['dist/cli/postwright.mjs', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stderr })));
}

function outboxJobs(): OutboxJob[] {
  const folder = join(dataDir, 'outbox');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as OutboxJob);
}

/**
 * Resolves once the CLI's journal holds the draft's job (or holds it as sending), woken by the
 * journal's own writes in the outbox folder; also when the process exits, or after 60 s.
 */
function journalReaches(draftId: string, waitFor: 'journaled' | 'sending', exited: Promise<void>) {
  const folder = join(dataDir, 'outbox');
  mkdirSync(folder, { recursive: true });
  return new Promise<void>((resolve) => {
    const reached = () => {
      const job = outboxJobs().find((entry) => entry.draftId === draftId);
      return !!job && (waitFor === 'journaled' || job.state === 'sending');
    };
    const done = () => {
      watcher.close();
      clearTimeout(timer);
      resolve();
    };
    const watcher = watch(folder, () => {
      if (reached()) done();
    });
    const timer = setTimeout(done, 60_000);
    void exited.then(done);
    if (reached()) done();
  });
}

/** Runs `postwright publish` and kills it with SIGKILL once its job is journaled (or once it is sending), after a random pause. */
async function publishAndKill(draftId: string, waitFor: 'journaled' | 'sending'): Promise<string> {
  const child = spawn(
    process.execPath,
    ['dist/cli/postwright.mjs', '--data-dir', dataDir, 'publish', draftId],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await journalReaches(draftId, waitFor, exited);
  await new Promise((resolve) => setTimeout(resolve, random() * 400));
  const state = outboxJobs().find((entry) => entry.draftId === draftId)?.state;
  const finishedAlone = child.exitCode !== null;
  child.kill('SIGKILL');
  await exited;
  return state ?? (finishedAlone ? `exited before journaling: ${stderr.trim()}` : 'not journaled in 60 s');
}

it(`kill -9 mid-publish ${KILLS} times: after a restart each queued publish completes once`, async () => {
  const core = createTestCore(dataDir);
  const call = coreCaller(core);
  const blog = await addPeerBlogBehindProxy(call, wp, proxy.url);
  const drafts: { id: string; title: string }[] = [];
  for (let index = 0; index < KILLS; index++) {
    const title = `Crash ${run} #${index}`;
    drafts.push({
      id: (await call('drafts-create', { title, html: `<p>Crash ${index}</p>`, blogId: blog.id })).id,
      title,
    });
  }
  await core.dispose();

  const statesAtKill: string[] = [];
  for (const [index, draft] of drafts.entries())
    statesAtKill.push(await publishAndKill(draft.id, index % 2 === 0 ? 'sending' : 'journaled'));
  // Most kills must hit a journaled job mid-send, or the test proves nothing.
  expect(statesAtKill.filter((state) => state === 'sending').length).toBeGreaterThanOrEqual(KILLS / 4);

  // The restart: the outbox picks up what the killed processes left.
  // (Spawned without blocking: the proxy runs in this process and must keep answering.)
  const resumed = await runCliAsync(['--data-dir', dataDir, 'outbox', 'retry', '--json']);
  expect(resumed.status, resumed.stderr).toBe(0);

  const jobs = outboxJobs();
  for (const draft of drafts) {
    const job = jobs.find((entry) => entry.draftId === draft.id);
    const posts = await rest.postsTitled(draft.title);
    if (job) {
      expect(job.state, `${draft.title}: ${job.reason}`).toBe('done');
      expect(
        posts.map((post) => String(post.id)),
        draft.title,
      ).toEqual([job.result!.postId]);
    } else {
      expect(posts, `${draft.title} was never journaled, so nothing may have gone out`).toEqual([]);
    }
  }
  expect(jobs.length, statesAtKill.join('\n')).toBe(KILLS);
}, 300_000);
