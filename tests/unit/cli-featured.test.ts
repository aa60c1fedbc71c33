import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect, it } from 'vitest';
import type { Draft } from '../../shared/model/draft';
import { runCli } from '../support/cli';
import { makePng } from '../support/png';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-cli-featured-');

/*
 * `drafts new/edit --featured FILE|NAME` and `drafts edit --no-featured`, through the built CLI: an
 * image file is copied into the draft (unless the draft has the same picture), an image the draft
 * shows is found by its name, and anything else is one sentence with exit 2.
 */
it('sets, changes, keeps and removes the featured image from the command line', { timeout: 120_000 }, () => {
  const dataDir = tempDir();
  const files = tempDir();
  const harbour = makePng(6, [10, 20, 30]);
  const dusk = makePng(6, [200, 90, 40]);
  writeFileSync(join(files, 'harbour.png'), harbour);
  writeFileSync(join(files, 'dusk.png'), dusk);
  writeFileSync(join(files, 'post.html'), '<p>Boats.</p><p><img src="harbour.png" alt="the harbour"></p>');
  writeFileSync(join(files, 'notes.png'), 'not a picture at all\n');
  const cli = (args: string[]) => runCli(args, { dataDir });
  const draftOf = (id: string) => cli(['drafts', 'show', id, '--json']).json<Draft>();
  const assets = (id: string) => readdirSync(join(dataDir, 'drafts', id, 'assets')).sort();

  // The same picture the body shows: featured without a second copy.
  const made = cli([
    'drafts',
    'new',
    '--title',
    'Harbour',
    '--html',
    join(files, 'post.html'),
    '--featured',
    join(files, 'harbour.png'),
    '--json',
  ]);
  expect(made.status, made.stderr).toBe(0);
  const draft = made.json<Draft>();
  const shown = /src="([^"]+)"/.exec(draft.html)![1]!;
  expect(draft.featuredImage).toBe(shown);
  expect(assets(draft.id)).toHaveLength(1);

  // A new file: copied into the draft, byte for byte.
  expect(cli(['drafts', 'edit', draft.id, '--featured', join(files, 'dusk.png')]).status).toBe(0);
  const featured = draftOf(draft.id).featuredImage!;
  expect(basename(featured)).toMatch(/^dusk-[0-9a-f]{8}\.png$/);
  expect(readFileSync(join(dataDir, 'drafts', draft.id, 'assets', basename(featured))).equals(dusk)).toBe(
    true,
  );

  // Another edit keeps it; the name of an image the body shows picks that one.
  expect(cli(['drafts', 'edit', draft.id, '--title', 'Harbour at dusk']).status).toBe(0);
  expect(draftOf(draft.id).featuredImage).toBe(featured);
  expect(cli(['drafts', 'edit', draft.id, '--featured', 'harbour.png']).status).toBe(0);
  expect(draftOf(draft.id).featuredImage).toBe(shown);

  expect(cli(['drafts', 'edit', draft.id, '--no-featured']).status).toBe(0);
  expect(draftOf(draft.id).featuredImage).toBeNull();

  const missing = cli(['drafts', 'edit', draft.id, '--featured', 'nowhere.png']);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toBe(
    `postwright: There is no file nowhere.png, and the draft shows no image of that name: give --featured an image file or one of the draft's images (${basename(shown)}).\n`,
  );
  const notImage = cli(['drafts', 'edit', draft.id, '--featured', join(files, 'notes.png')]);
  expect(notImage.status).toBe(2);
  expect(notImage.stderr).toBe(
    `postwright: ${join(files, 'notes.png')} is not an image: --featured takes a PNG, JPEG, GIF, WebP or AVIF file.\n`,
  );
  // A new draft is not made with a --featured it cannot use (one named by an image goes to the trash).
  const folder = cli(['drafts', 'new', '--title', 'Folder', '--featured', files]);
  expect(folder.status).toBe(2);
  expect(folder.stderr).toMatch(/^postwright: Cannot read .*: it is a folder\. Check the path\.\n$/);
  expect(cli(['drafts', 'new', '--title', 'Nothing', '--featured', 'nowhere.png']).status).toBe(2);
  const device = cli(['drafts', 'new', '--title', 'Zeros', '--featured', '/dev/zero']);
  expect([device.status, device.stderr]).toEqual([
    2,
    'postwright: /dev/zero is not a file: --featured takes an image file.\n',
  ]);
  const unnamed = cli([
    'drafts',
    'new',
    '--title',
    'Other',
    '--html',
    join(files, 'post.html'),
    '--featured',
    'dawn.png',
  ]);
  expect(unnamed.status).toBe(2);
  expect(unnamed.stderr).toMatch(
    /^postwright: There is no file dawn\.png, and the draft shows no image of that name: give --featured an image file or one of the draft's images \(harbour-[0-9a-f]{8}\.png\)\.\n$/,
  );
  const titles = (args: string[]) =>
    cli(['drafts', 'list', ...args, '--json'])
      .json<Draft[]>()
      .map((d) => d.title);
  expect(titles([])).toEqual(['Harbour at dusk']);
  expect(titles(['--trash'])).toEqual(['Other']);
  expect(draftOf(draft.id).featuredImage).toBeNull();

  const help = cli(['drafts', 'edit', '--help']).stdout;
  expect(help).toMatch(/--featured <image>\s+the featured image: an image file/);
  expect(help).toMatch(/--no-featured\s+take the featured image off/);
  expect(cli(['drafts', 'new', '--help']).stdout).toContain('--featured <image>');
});
