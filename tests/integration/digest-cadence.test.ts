import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CadenceDraftResult, CadenceRunResult } from '../../shared/contract/cadence';
import type { CadenceState } from '../../shared/model/digest-schedule';
import { runCliAsync, startCli } from '../support/cli';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { useTempDir } from '../support/temp-dir';

// Real processes on real files: the CLI, two at once, and `postwright serve` as the app. The seed's
// times are UTC, which is also the author's zone here, so its days are the digest's days.
const env = { TZ: 'UTC' };
const FIXTURE = 'tests/fixtures/digest-2009-11-05/bookmarks.html';

let blog: FakeBlog;
const tempDir = useTempDir('postwright-cadence-');

beforeAll(async () => {
  blog = await startFakeBlog();
});
afterAll(async () => {
  await blog.close();
});

const cli = (dataDir: string, args: string[]) => runCliAsync(args, { dataDir, env });

async function cliJson<T>(dataDir: string, args: string[]): Promise<T> {
  const result = await cli(dataDir, [...args, '--json']);
  expect(result.status, result.stderr).toBe(0);
  return result.json<T>();
}

/** A data folder with the blog and links on the given days (ISO instants). */
async function library(links: { url: string; at: string; tags?: string }[] = []) {
  const dataDir = tempDir();
  const blogAdd = await runCliAsync(
    ['blogs', 'add', blog.homeUrl, '--user', 'author', '--password-stdin', '--json'],
    { dataDir, input: 'secret\n', env },
  );
  expect(blogAdd.status, blogAdd.stderr).toBe(0);
  const blogId = blogAdd.json<{ blog: { id: string } }>().blog.id;
  const imported = await cli(dataDir, ['inbox', 'import', FIXTURE]);
  expect(imported.status, imported.stderr).toBe(0);
  if (links.length) {
    const file = join(dataDir, 'more.html');
    const rows = links.map(
      (link) =>
        `<DT><A HREF="${link.url}" ADD_DATE="${Date.parse(link.at) / 1000}" TAGS="${link.tags ?? ''}">${link.url}</A>`,
    );
    writeFileSync(file, `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n${rows.join('\n')}\n</DL><p>\n`);
    const more = await cli(dataDir, ['inbox', 'import', file]);
    expect(more.status, more.stderr).toBe(0);
  }
  return { dataDir, blogId };
}

async function digestDrafts(dataDir: string) {
  const drafts = await cliJson<{ id: string; title: string }[]>(dataDir, ['drafts', 'list']);
  return drafts.filter((draft) => draft.title.startsWith('Bookmarks for')).map((draft) => draft.title);
}

describe('digest schedules, carried out by real processes on one data folder', () => {
  it('two CLI processes running the schedule at once draft each closed week once, and a third run drafts nothing', async () => {
    const { dataDir, blogId } = await library([
      { url: 'https://example.org/week-two', at: '2009-11-11T09:00:00Z' },
    ]);
    await cliJson(dataDir, ['digest', 'schedule', blogId, '--weekly', 'sunday', '--starts', '2009-11-02']);

    const [first, second] = await Promise.all([
      cli(dataDir, ['digest', 'due', '--run', '--json']),
      cli(dataDir, ['digest', 'due', '--run', '--json']),
    ]);
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
    const runs = [first, second].map((result) => result.json<{ run: CadenceRunResult }>().run);
    expect(runs.flatMap((run) => run.drafted.map((made) => `${made.from}..${made.to}`)).sort()).toEqual([
      '2009-11-02..2009-11-08',
      '2009-11-09..2009-11-15',
    ]);
    expect((await digestDrafts(dataDir)).sort()).toEqual([
      'Bookmarks for November 2nd through November 8th',
      'Bookmarks for November 9th through November 15th',
    ]);

    const third = await cliJson<{ run: CadenceRunResult }>(dataDir, ['digest', 'due', '--run']);
    expect(third.run.drafted).toEqual([]);
    expect(await digestDrafts(dataDir)).toHaveLength(2);
    // The drafts are for the blog the schedule belongs to, and the seed's five links went into the first.
    const state = await cliJson<CadenceState>(dataDir, ['digest', 'due']);
    const notices = state.notices.filter((notice) => notice.kind === 'drafted');
    expect(notices.map((notice) => notice.count).sort()).toEqual([1, 5]);
    const draft = await cliJson<{ blogId: string }>(dataDir, ['drafts', 'show', notices[0]!.draftId!]);
    expect(draft.blogId).toBe(blogId);
  }, 120_000);

  it('weeks missed while closed come as one combined digest when the author chose so, with the schedule’s tags and maximum', async () => {
    const { dataDir, blogId } = await library([
      { url: 'https://example.org/a', at: '2009-11-10T09:00:00Z', tags: 'localgov' },
      { url: 'https://example.org/b', at: '2009-11-17T09:00:00Z', tags: 'cats' },
    ]);
    await cliJson(dataDir, [
      'digest',
      'schedule',
      blogId,
      '--weekly',
      'sunday',
      '--starts',
      '2009-11-02',
      '--catch-up',
      'combined',
      '--tags',
      'localgov',
      '--max',
      '2',
    ]);
    const run = await cliJson<{ run: CadenceRunResult }>(dataDir, ['digest', 'due', '--run']);
    expect(run.run.drafted).toHaveLength(1);
    expect(run.run.drafted[0]).toMatchObject({ from: '2009-11-02', count: 2 });
    const state = await cliJson<CadenceState>(dataDir, ['digest', 'due']);
    // Three links are tagged localgov (two of the seed's and one more); the oldest two went in.
    expect(state.notices[0]).toMatchObject({ kind: 'drafted', count: 2, leftOut: 1 });
    const cats = await cliJson<{ usedIn: string[]; url: string }[]>(dataDir, [
      'inbox',
      'list',
      '--tag',
      'cats',
    ]);
    expect(cats[0]!.usedIn).toEqual([]);
  }, 120_000);

  it('a reminder names the count; drafting it takes the reminder away, and a second draft of the same week is refused in words', async () => {
    const { dataDir, blogId } = await library();
    await cliJson(dataDir, [
      'digest',
      'schedule',
      blogId,
      '--weekly',
      'sun',
      '--starts',
      '2009-11-02',
      '--remind',
    ]);
    const run = await cliJson<{ run: CadenceRunResult }>(dataDir, ['digest', 'due', '--run']);
    expect(run.run.reminded).toEqual([{ blogId, from: '2009-11-02', to: '2009-11-08', count: 5 }]);
    expect(await digestDrafts(dataDir)).toEqual([]);
    const text = await cli(dataDir, ['digest', 'due']);
    expect(text.stdout).toContain(
      'Due for Fake blog: "Bookmarks for November 2nd through November 8th", 5 links waiting',
    );

    const made = await cliJson<CadenceDraftResult>(dataDir, ['digest', 'draft', '--period', '2009-11-05']);
    expect(made).toMatchObject({ from: '2009-11-02', to: '2009-11-08', count: 5, leftOut: 0 });
    expect((await cliJson<CadenceState>(dataDir, ['digest', 'due'])).notices).toEqual([]);

    const again = await cli(dataDir, ['digest', 'draft', '--period', '2009-11-08']);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(
      `postwright: The digest for 2009-11-02 to 2009-11-08 was drafted already (draft ${made.draftId}). Ask for it again to make a second one.`,
    );
    expect(await digestDrafts(dataDir)).toHaveLength(1);
  }, 120_000);

  it('the app catches up when it starts, with the CLI running the same schedule beside it: still one draft a week', async () => {
    const { dataDir, blogId } = await library();
    await cliJson(dataDir, ['digest', 'schedule', blogId, '--weekly', 'sunday', '--starts', '2009-11-02']);
    const app = startCli(['serve', '--port', '0', '--no-open'], { dataDir, env });
    try {
      const beside = await cli(dataDir, ['digest', 'due', '--run', '--json']);
      expect(beside.status, beside.stderr).toBe(0);
      await app.waitFor(/Postwright is running at/);
      await expect
        .poll(async () => (await cliJson<CadenceState>(dataDir, ['digest', 'due'])).notices.length, {
          timeout: 20_000,
        })
        .toBe(1);
      expect(await digestDrafts(dataDir)).toEqual(['Bookmarks for November 2nd through November 8th']);
    } finally {
      app.stop();
      await app.result;
    }
  }, 120_000);

  it('a schedule file that cannot be read is set aside and named, and the schedules start empty', async () => {
    const { dataDir } = await library();
    writeFileSync(join(dataDir, 'digest-cadence.json'), '{"version":1,"schedules":[{"blogId":');
    const result = await cli(dataDir, ['digest', 'due']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('No blog has a digest schedule');
    expect(result.stderr).toMatch(
      /^postwright: Your digest schedules could not be read, so it was set aside; no digest is drafted on its own until you set the schedules again in Settings\. It is now .*quarantine.*digest-cadence\.json\.$/m,
    );
    expect(existsSync(join(dataDir, 'digest-cadence.json'))).toBe(false);
    const aside = readdirSync(join(dataDir, 'quarantine')).find((name) =>
      name.endsWith('digest-cadence.json'),
    );
    expect(readFileSync(join(dataDir, 'quarantine', aside!), 'utf8')).toBe(
      '{"version":1,"schedules":[{"blogId":',
    );
  }, 120_000);
});
