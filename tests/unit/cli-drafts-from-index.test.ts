import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DraftSummary } from '../../shared/model/draft';
import { draftListText } from '../../main/cli/draft-rows';
import { draftsFromIndex } from '../../main/cli/drafts-from-index';
import { quickDraftsListOptions } from '../../main/cli/quick-drafts-list';
import { DraftPaths } from '../../main/core/drafts/draft-paths';
import { IndexDb } from '../../main/core/drafts/index-db';
import { runCli } from '../support/cli';
import { coreCaller } from '../support/core-call';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-cli-list-');

/** The list as the core answers it: what `drafts list` printed before it read the index itself. */
async function listedByCore(dataDir: string, trash: boolean): Promise<DraftSummary[]> {
  const core = createTestCore(dataDir);
  try {
    return await coreCaller(core)('drafts-list', { trash });
  } finally {
    await core.dispose();
  }
}

/** Drafts of every kind of row: untitled, accented, tagged, one with a featured image, two in the trash; and a pulled post. */
async function makeLibrary(dataDir: string): Promise<void> {
  const core = createTestCore(dataDir);
  const call = coreCaller(core);
  try {
    const made = [];
    for (const [i, title] of [
      'Council meeting',
      '',
      'Café «Hove» notes',
      'Links #12',
      'Trash me',
      'Old',
    ].entries())
      made.push(
        await call('drafts-create', {
          title,
          html: `<p>Body ${i} of <em>${title}</em>.</p>`,
          tags: i % 2 ? ['brighton'] : [],
        }),
      );
    const { id, title, html, tags } = made[3]!;
    const featuredImage = `/drafts/${id}/assets/cover.png`;
    await call('drafts-save', { draft: { id, title, html, tags, editorState: null, featuredImage } });
    await call('drafts-delete', { id: made[4]!.id });
    await call('drafts-delete', { id: made[5]!.id });
  } finally {
    await core.dispose();
  }
  // A post pulled from a blog lives in the same index, as another kind of row: never a draft.
  const archive = new IndexDb(new DraftPaths(dataDir).index, 'published');
  archive.put({
    id: 'blog-1/post-7',
    title: 'Pulled post',
    snippet: '',
    updatedAt: '2030-01-01T00:00:00.000Z',
    publishAt: null,
    status: 'published',
    wordCount: 2,
    trashedAt: null,
    createdAt: '2030-01-01T00:00:00.000Z',
    statusMessage: null,
    remote: { blogId: 'blog-1', postId: '7', url: null, remoteStatus: 'publish', publishedAt: null },
    stamp: '1',
  });
  archive.close();
}

/** What `drafts list` prints for those rows, with and without --json. */
const printed = (list: DraftSummary[], trash: boolean) => ({
  json: `${JSON.stringify(list, null, 2)}\n`,
  text: `${draftListText(list, trash)}\n`,
});

describe('drafts list read straight from the index', { timeout: 120_000 }, () => {
  it('prints what the core lists, byte for byte, for the drafts and the trash', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    const drafts = await listedByCore(dataDir, false);
    const trash = await listedByCore(dataDir, true);
    expect(drafts.map((draft) => draft.title)).toEqual([
      'Links #12',
      'Café «Hove» notes',
      '',
      'Council meeting',
    ]);
    expect(drafts.find((draft) => draft.title === 'Links #12')?.featuredImage).toMatch(/assets\/cover\.png$/);
    expect(trash).toHaveLength(2);

    expect(draftsFromIndex(dataDir, false)).toEqual(drafts);
    expect(draftsFromIndex(dataDir, true)).toEqual(trash);
    for (const [args, expected] of [
      [['drafts', 'list', '--json'], printed(drafts, false).json],
      [['--json', 'drafts', 'list'], printed(drafts, false).json],
      [['drafts', 'list'], printed(drafts, false).text],
      [['drafts', 'list', '--trash', '--json'], printed(trash, true).json],
      [['drafts', 'list', '--trash'], printed(trash, true).text],
    ] as const) {
      const run = runCli([...args], { dataDir });
      expect({ args, status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
        args,
        status: 0,
        stdout: expected,
        stderr: '',
      });
    }
  });

  it('prints the empty list and the empty trash as before', async () => {
    const dataDir = tempDir();
    expect(await listedByCore(dataDir, false)).toEqual([]);
    expect(draftsFromIndex(dataDir, false)).toEqual([]);
    expect(runCli(['drafts', 'list'], { dataDir }).stdout).toBe(printed([], false).text);
    expect(runCli(['drafts', 'list', '--json'], { dataDir }).stdout).toBe('[]\n');
    expect(runCli(['drafts', 'list', '--trash'], { dataDir }).stdout).toBe('The trash is empty.\n');
  });

  it('leaves a damaged index to the core, which sets it aside, rebuilds it and lists the same', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    const drafts = await listedByCore(dataDir, false);
    const paths = new DraftPaths(dataDir);
    writeFileSync(paths.index, 'not a database, '.repeat(512));
    expect(draftsFromIndex(dataDir, false)).toBeNull();

    const run = runCli(['drafts', 'list', '--json'], { dataDir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(printed(drafts, false).json);
    expect(run.stderr).toMatch(/drafts index.*quarantine/);
    expect(readdirSync(paths.quarantine).some((name) => name.endsWith('index.sqlite'))).toBe(true);
    // Rebuilt from the drafts: the next list reads it again.
    expect(draftsFromIndex(dataDir, false)).toEqual(drafts);
  });

  it('leaves a missing, stale or older index, or a crash’s leftovers, to the core', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    const drafts = await listedByCore(dataDir, false);
    const paths = new DraftPaths(dataDir);

    // A draft folder copied in by another program (a sync, a restore): the index has no row for it.
    const copied = paths.folder('copied-by-sync');
    cpSync(paths.folder(drafts[0]!.id), copied, { recursive: true });
    const file = join(copied, 'draft.json');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(drafts[0]!.id, 'copied-by-sync'));
    expect(draftsFromIndex(dataDir, false)).toBeNull();
    const withCopy = runCli(['drafts', 'list', '--json'], { dataDir }).json<DraftSummary[]>();
    expect(withCopy.map((draft) => draft.id).sort()).toEqual(
      [...drafts.map((draft) => draft.id), 'copied-by-sync'].sort(),
    );
    expect(draftsFromIndex(dataDir, false)).toEqual(withCopy);

    // An index of another schema version is rebuilt by the core.
    const db = new Database(paths.index);
    db.pragma('user_version = 0');
    db.close();
    expect(draftsFromIndex(dataDir, false)).toBeNull();
    expect(runCli(['drafts', 'list', '--json'], { dataDir }).stdout).toBe(printed(withCopy, false).json);
    expect(draftsFromIndex(dataDir, false)).toEqual(withCopy);

    // A draft being created when a process crashed: the core tidies it once old.
    mkdirSync(join(paths.root, '.creating-abc'));
    expect(draftsFromIndex(dataDir, false)).toBeNull();
    expect(runCli(['drafts', 'list', '--json'], { dataDir }).stdout).toBe(printed(withCopy, false).json);

    const missing = tempDir();
    expect(draftsFromIndex(missing, false)).toBeNull();
    expect(existsSync(join(missing, 'drafts'))).toBe(false);
  });

  it('takes the shortcut for exactly `drafts list` with --json and --data-dir', () => {
    expect(quickDraftsListOptions(['drafts', 'list'])).toEqual({});
    expect(quickDraftsListOptions(['--json', 'drafts', 'list'])).toEqual({ json: true });
    expect(quickDraftsListOptions(['--data-dir', '/d', 'drafts', 'list', '--json'])).toEqual({
      dataDir: '/d',
      json: true,
    });
    expect(quickDraftsListOptions(['drafts', 'list', '--data-dir=/d'])).toEqual({ dataDir: '/d' });
    for (const args of [
      ['drafts', 'list', '--trash'],
      ['drafts', 'list', '--help'],
      ['drafts', 'list', 'extra'],
      ['drafts', 'search', 'list'],
      ['list', 'drafts'],
      ['drafts', 'list', '--data-dir'],
      ['drafts', 'list', '--data-dir', '--json'],
      ['drafts', 'list', '--verbose'],
      ['--help'],
      [],
    ])
      expect(quickDraftsListOptions(args)).toBeNull();
  });
});
