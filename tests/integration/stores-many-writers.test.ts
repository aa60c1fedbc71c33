import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../support/cli';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { printFigure, type Figure } from '../support/reliability/figure';
import {
  appAndCliOnEveryStore,
  appAndCliOnOneDraft,
  twoCliProcesses,
} from '../support/reliability/many-writers';

// Short runs of issue 12's figures; `npm run bench:reliability` runs them 100 rounds and 1,000
// operations long. Real processes: `postwright serve` driven over its WebSocket, and the CLI.
const ROUNDS = Number(process.env.POSTWRIGHT_STORE_ROUNDS ?? 2);

let blog: FakeBlog;
const folders: string[] = [];

async function dataFolderWithBlog(): Promise<{ dataDir: string; blogId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-writers-'));
  folders.push(dataDir);
  const added = await runCliAsync(
    ['blogs', 'add', blog.homeUrl, '--user', 'author', '--password-stdin', '--json'],
    {
      dataDir,
      input: 'secret\n',
    },
  );
  expect(added.status, added.stderr).toBe(0);
  return { dataDir, blogId: added.json<{ blog: { id: string } }>().blog.id };
}

function expectAtTarget(figures: Figure[]) {
  for (const entry of figures) printFigure(entry);
  expect(figures.filter((entry) => !entry.pass)).toEqual([]);
}

beforeAll(async () => {
  blog = await startFakeBlog();
});

afterAll(async () => {
  await blog.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('one folder, many writers (issue 12)', () => {
  it('a CLI delete or publish of a draft open in the app is never undone by its autosaves, and never doubles the post', async () => {
    const { dataDir, blogId } = await dataFolderWithBlog();
    const titled = async (title: string) => blog.created.get(title) ?? 0;
    expectAtTarget(await appAndCliOnOneDraft({ dataDir, rounds: ROUNDS, blogId, postsTitled: titled }));
  }, 600_000);

  it('calendar, inbox, blogs, templates and settings changed by the app and the CLI at once lose nothing', async () => {
    const { dataDir, blogId } = await dataFolderWithBlog();
    expectAtTarget(
      await appAndCliOnEveryStore({ dataDir, rounds: ROUNDS, blogId, blogEndpoint: blog.endpoint }),
    );
  }, 600_000);

  it('two CLI processes creating drafts, importing links through compactions and retrying the outbox lose nothing', async () => {
    const { dataDir, blogId } = await dataFolderWithBlog();
    expectAtTarget(
      await twoCliProcesses({
        dataDir,
        blogId,
        blog,
        draftsEach: 3 * ROUNDS,
        linksEach: 1500,
        jobs: 2 * ROUNDS,
        scratch: dataDir,
      }),
    );
  }, 900_000);
});
