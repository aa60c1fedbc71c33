import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Blog } from '../../../shared/model/blog';
import { runCli } from '../../support/cli';
import { printFigure } from '../../support/reliability/figure';
import { appAndCliOnOneDraft } from '../../support/reliability/many-writers';
import { wordpressRest } from '../../support/wordpress/rest';

// Issue 12 item 1 against the real WordPress: the app autosaving while the CLI publishes, then the
// app publishing again. `npm run bench:reliability` runs 100 rounds.
const wp = inject('wordpress');
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'postwright-wp-writers-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('a CLI publish of a draft open in the app survives its autosaves; publishing again never makes a second post', async () => {
  const added = runCli(['blogs', 'add', wp.WP_URL, '--user', wp.WP_USER, '--password-stdin', '--json'], {
    dataDir,
    input: `${wp.WP_PASSWORD}\n`,
  });
  expect(added.status, added.stderr).toBe(0);
  const { blog } = added.json<{ blog: Blog }>();
  const rest = wordpressRest(wp);
  const figures = await appAndCliOnOneDraft({
    dataDir,
    rounds: Number(process.env.POSTWRIGHT_STORE_ROUNDS ?? 3),
    blogId: blog.id,
    postsTitled: async (title) => (await rest.postsTitled(title)).length,
  });
  for (const entry of figures) printFigure({ ...entry, what: `${entry.what} (WordPress)` });
  expect(figures.filter((entry) => !entry.pass)).toEqual([]);
}, 900_000);
