import { readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { coreCaller } from '../support/core-call';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// The core as the app runs it, over a real folder, with a clock the test moves: the schedule across
// a week the app missed and across the new year. Days are the author's; here the zone is London's.
process.env.TZ = 'Europe/London';

let blog: FakeBlog;
const tempDir = useTempDir('postwright-cadence-core-');
const cores: Core[] = [];

beforeAll(async () => {
  blog = await startFakeBlog();
});
afterAll(async () => {
  await blog.close();
});
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
});

async function setUp(startsOn: string, now: Date) {
  const dataDir = tempDir();
  const clock = { at: now, now: () => clock.at };
  const core = createTestCore(dataDir, clock);
  cores.push(core);
  const call = coreCaller(core);
  const added = await call('blogs-add', {
    protocol: 'metaweblog',
    homeUrl: blog.homeUrl,
    endpoint: blog.endpoint,
    remoteBlogId: '1',
    name: 'Links blog',
    username: 'author',
    password: 'secret',
  });
  const link = (url: string, at: string, tags: string[] = []) => ({ url, title: url, addedAt: at, tags });
  await call('inbox-add', {
    links: [
      link('https://example.org/christmas', '2009-12-24T10:00:00Z'),
      link('https://example.org/hogmanay', '2009-12-31T23:30:00Z'),
      link('https://example.org/new-year', '2010-01-01T00:30:00Z'),
      link('https://example.org/twelfth', '2010-01-06T12:00:00Z'),
      link('https://example.org/sales', '2010-01-09T12:00:00Z'),
    ],
  });
  await call('cadence-set', {
    blogId: added.id,
    schedule: { period: 'weekly', weekday: 0, startsOn },
  });
  return { dataDir, clock, call, blogId: added.id };
}

const titles = async (call: ReturnType<typeof coreCaller>) =>
  (await call('drafts-list', {})).map((draft) => draft.title).sort();

describe('the digest schedule in the core, with a clock the test moves', () => {
  it('a week missed while the app was closed, across the new year, is drafted on its own when the app is back', async () => {
    const { clock, call, dataDir } = await setUp('2009-12-21', new Date('2009-12-27T23:59:59Z'));
    expect((await call('cadence-run', {})).drafted).toEqual([]);

    // Sunday's midnight passes with the app running: the week before Christmas closes.
    clock.at = new Date('2009-12-28T00:00:00Z');
    expect((await call('cadence-run', {})).drafted.map((made) => made.title)).toEqual([
      'Bookmarks for December 21st through December 27th',
    ]);

    // Closed over the new year until the Tuesday after the next week ended: both weeks come.
    clock.at = new Date('2010-01-12T08:00:00Z');
    const back = await call('cadence-run', {});
    expect(back.drafted.map((made) => [made.title, made.count])).toEqual([
      ['Bookmarks for December 28th through January 3rd', 2],
      ['Bookmarks for January 4th through January 10th', 2],
    ]);
    expect(await titles(call)).toHaveLength(3);

    // Nothing due: the run takes no lock. The app runs whenever it sees the cadence lock change,
    // so a lock taken for nothing would wake it again and again.
    const seen: string[] = [];
    const watcher = watch(join(dataDir, '.locks'), (_event, name) => seen.push(String(name)));
    expect((await call('cadence-run', {})).drafted).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    watcher.close();
    expect(seen.filter((name) => name.startsWith('cadence'))).toEqual([]);

    const state = await call('cadence-state', {});
    expect(state.schedules[0]!.waiting).toEqual([]);
    expect(state.schedules[0]!.next).toEqual({
      from: '2010-01-11',
      to: '2010-01-17',
      closesAt: '2010-01-18T00:00:00.000Z',
    });
  });

  it('a week with too few links waits for the next; both weeks’ links then go into one digest', async () => {
    const { call, clock, blogId } = await setUp('2009-12-21', new Date('2009-12-21T09:00:00Z'));
    await call('cadence-set', {
      blogId,
      schedule: { period: 'weekly', weekday: 0, startsOn: '2009-12-21', minLinks: 3 },
    });
    clock.at = new Date('2010-01-04T09:00:00Z');
    const run = await call('cadence-run', {});
    // 21–27 December had one link, 28 December – 3 January two: together three.
    expect(run.drafted.map((made) => [made.from, made.to, made.count])).toEqual([
      ['2009-12-21', '2010-01-03', 3],
    ]);
  });

  it('a draft made by a process that stopped before recording it is found, not made twice', async () => {
    const { call, clock, dataDir } = await setUp('2009-12-21', new Date('2009-12-21T09:00:00Z'));
    clock.at = new Date('2009-12-28T09:00:00Z');
    await call('cadence-run', {});
    // As if the process had stopped between making the draft and recording it: the claim is back.
    const file = join(dataDir, 'digest-cadence.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    const progress = Object.values(saved.progress)[0] as Record<string, unknown> & {
      drafted: { from: string; to: string; at: string }[];
    };
    const made = progress.drafted.pop()!;
    progress.claim = { from: made.from, to: made.to, at: '2009-12-28T09:00:00.000Z' };
    progress.doneThrough = '2009-12-20';
    saved.notices = [];
    writeFileSync(file, JSON.stringify(saved));

    const again = await call('cadence-run', {});
    expect(again.drafted).toEqual([]);
    expect(await titles(call)).toEqual(['Bookmarks for December 21st through December 27th']);
    const state = await call('cadence-state', {});
    expect(state.notices.map((notice) => [notice.kind, notice.title, notice.count])).toEqual([
      ['drafted', 'Bookmarks for December 21st through December 27th', 1],
    ]);
  });
});

describe('a draft that fails after its week was claimed', () => {
  it('leaves the week to the next run, which drafts it', async () => {
    const { call, clock, blogId } = await setUp('2009-12-21', new Date('2009-12-21T09:00:00Z'));
    // A template that is not there makes the draft fail after the claim is saved.
    const schedule = { period: 'weekly', weekday: 0, startsOn: '2009-12-21' } as const;
    await call('cadence-set', { blogId, schedule: { ...schedule, template: 'Gone' } });
    clock.at = new Date('2009-12-28T09:00:00Z');
    await expect(call('cadence-run', {})).rejects.toThrow('There is no digest template called "Gone"');

    await call('cadence-set', { blogId, schedule });
    const run = await call('cadence-run', {});
    expect(run.drafted.map((made) => made.title)).toEqual([
      'Bookmarks for December 21st through December 27th',
    ]);
  });
});

describe('the app’s timer when a run fails', () => {
  it('tells the author once, in a notice that says why, not only in the log', async () => {
    const { call, clock, blogId } = await setUp('2009-12-21', new Date('2009-12-21T09:00:00Z'));
    const schedule = { period: 'weekly', weekday: 0, startsOn: '2009-12-21' } as const;
    await call('cadence-set', { blogId, schedule: { ...schedule, template: 'Gone' } });
    clock.at = new Date('2009-12-28T09:00:00Z');
    const core = cores.at(-1)!;
    // The notice is told as the core tells every view: a problems-changed event.
    const told = new Promise<void>((resolve) => {
      const off = core.events.onAny((event) => {
        if (event !== 'problems-changed') return;
        off();
        resolve();
      });
    });
    const stop = core.startDigestCadence();
    try {
      await told;
      const problems = await call('problems-list', {});
      expect(problems.map((problem) => problem.message)).toEqual([
        expect.stringMatching(
          /^Your digest schedules could not be carried out: There is no digest template called "Gone"/,
        ),
      ]);
      // A change of schedule runs the timer again: the same failure is not told twice.
      await call('cadence-set', { blogId, schedule: { ...schedule, template: 'Gone', maxLinks: 9 } });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await call('problems-list', {})).toHaveLength(1);
    } finally {
      stop();
    }
  });
});
