import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync } from '../support/cli';
import { startsWithDamagedFiles } from '../support/reliability/corrupt-runs';
import { seedEveryKind } from '../support/reliability/corrupt-start';
import {
  appWritesAtEveryWrite,
  diskFullAtEveryWrite,
  diskFullEveryStore,
} from '../support/reliability/disk-full';
import { startFakeBlog } from '../support/reliability/fake-blog';
import { printFigure, type Figure } from '../support/reliability/figure';
import { hostileFetchSuite } from '../support/reliability/hostile-fetch';
import { buildStoreSaver, killDuringSaves } from '../support/reliability/kill-saves';
import { lostAnswersSuite } from '../support/reliability/lost-answers';
import {
  appAndCliOnEveryStore,
  appAndCliOnOneDraft,
  twoCliProcesses,
} from '../support/reliability/many-writers';
import { mountSmallDisk } from '../support/reliability/small-disk';
import { addTestBlog } from '../support/publishing';
import { wordpressRest } from '../support/wordpress/rest';
import { startWordPress, stopWordPress } from '../support/wordpress/wordpress-peer';
import { createTestCore } from '../support/test-core';

// `npm run bench:reliability [writers|draft|stores|two|wordpress|disk|kill|starts|hostile-fetch|lost-answers…]`:
// the long runs of issue 12's and issue 13's figures (R1, R2, R3, R8, R10, R14), each printed as it
// finishes, then a table; written to bench/reliability.json.
const ROUNDS = Number(process.env.POSTWRIGHT_RELIABILITY_ROUNDS ?? 100);
const WP_PORT = process.env.POSTWRIGHT_BENCH_WP_PORT ?? '8783';
const only = process.argv.slice(2);
const figures: Figure[] = [];
const folders: string[] = [];
const folder = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `postwright-reliability-${prefix}-`));
  folders.push(dir);
  return dir;
};
const record = (entries: Figure[]) => {
  for (const entry of entries) {
    printFigure(entry);
    figures.push(entry);
  }
};
const wanted = (name: string) => only.length === 0 || only.includes(name);

async function withBlog(dataDir: string, homeUrl: string, input: string, user = 'author') {
  const added = await runCliAsync(['blogs', 'add', homeUrl, '--user', user, '--password-stdin', '--json'], {
    dataDir,
    input,
  });
  if (added.status !== 0) throw new Error(`blogs add failed: ${added.stderr}`);
  return added.json<{ blog: { id: string } }>().blog.id;
}

const blog = await startFakeBlog();
try {
  // First, while the process is small: R8 counts how much each hostile answer grows it.
  if (wanted('hostile-fetch')) {
    process.stderr.write('every outbound fetch against hostile servers…\n');
    record(await hostileFetchSuite());
  }
  if (wanted('writers') || wanted('draft')) {
    process.stderr.write(`app + CLI on one draft, ${ROUNDS} rounds…\n`);
    const drafts = folder('draft');
    record(
      await appAndCliOnOneDraft({
        dataDir: drafts,
        rounds: ROUNDS,
        blogId: await withBlog(drafts, blog.homeUrl, 'secret\n'),
        postsTitled: async (title) => blog.created.get(title) ?? 0,
      }),
    );
  }
  if (wanted('writers') || wanted('stores')) {
    process.stderr.write(`app + CLI on every store, ${ROUNDS} rounds…\n`);
    const stores = folder('stores');
    record(
      await appAndCliOnEveryStore({
        dataDir: stores,
        rounds: ROUNDS,
        blogId: await withBlog(stores, blog.homeUrl, 'secret\n'),
        blogEndpoint: blog.endpoint,
      }),
    );
  }
  if (wanted('writers') || wanted('two')) {
    process.stderr.write('two CLI processes, 1,000+ operations…\n');
    const two = folder('two');
    record(
      await twoCliProcesses({
        dataDir: two,
        blogId: await withBlog(two, blog.homeUrl, 'secret\n'),
        blog,
        draftsEach: 100,
        linksEach: 1500,
        jobs: 50,
        scratch: two,
      }),
    );
  }
  if (wanted('wordpress')) {
    process.stderr.write(`app + CLI on one draft against WordPress (port ${WP_PORT}), ${ROUNDS} rounds…\n`);
    const wp = startWordPress(WP_PORT);
    try {
      const dataDir = folder('wp');
      const rest = wordpressRest(wp);
      const entries = await appAndCliOnOneDraft({
        dataDir,
        rounds: ROUNDS,
        blogId: await withBlog(dataDir, wp.WP_URL, `${wp.WP_PASSWORD}\n`, wp.WP_USER),
        postsTitled: async (title) => (await rest.postsTitled(title)).length,
      });
      record(entries.map((entry) => ({ ...entry, what: `${entry.what} (WordPress)` })));
    } finally {
      stopWordPress(WP_PORT);
    }
  }
  if (wanted('lost-answers')) {
    process.stderr.write(`publishing with the answer lost, 100 per protocol (WordPress port ${WP_PORT})…\n`);
    record(await lostAnswersSuite());
  }
  if (wanted('disk')) {
    process.stderr.write('disk full and read-only, every store, then disk full at every write…\n');
    const disk = mountSmallDisk(8 * 1024);
    try {
      mkdirSync(join(disk.dir, 'a'));
      record(await diskFullEveryStore(disk, join(disk.dir, 'a')));
      mkdirSync(join(disk.dir, 'b'));
      record([await diskFullAtEveryWrite(disk, join(disk.dir, 'b'), 64)]);
      mkdirSync(join(disk.dir, 'c'));
      record([await appWritesAtEveryWrite(disk, join(disk.dir, 'c'), 128)]);
    } finally {
      disk.remove();
    }
  }
  if (wanted('kill')) {
    process.stderr.write('kill -9 during 1,000 saves…\n');
    const dataDir = folder('kill');
    const saver = await buildStoreSaver();
    const unreachable = await addTestBlog(dataDir, {
      name: 'Unreachable',
      homeUrl: 'http://127.0.0.1:9/',
      endpoint: 'http://127.0.0.1:9/xmlrpc.php',
    });
    const core = createTestCore(dataDir);
    const draft = await core.drafts.create({ title: 's0' });
    await core.dispose();
    record([
      await killDuringSaves({ saver, dataDir, blogId: unreachable.id, draftId: draft.id, saves: 1000 }),
    ]);
    rmSync(saver, { force: true });
  }
  if (wanted('starts')) {
    process.stderr.write('100 starts with a damaged data file…\n');
    const seeded = folder('seeded');
    await seedEveryKind(seeded, blog);
    record([await startsWithDamagedFiles(seeded, 100)]);
  }
} finally {
  await blog.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}

console.log('\n| figure | what | value | target | |');
console.log('| --- | --- | --- | --- | --- |');
for (const entry of figures)
  console.log(
    `| ${entry.id} | ${entry.what} | ${entry.value} | ${entry.target} | ${entry.pass ? 'ok' : 'MISSED'} |`,
  );
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/reliability.json',
  JSON.stringify({ measuredAt: new Date().toISOString(), figures }, null, 2),
);
console.log('\nwrote bench/reliability.json');
process.exit(figures.every((entry) => entry.pass) ? 0 : 1);
