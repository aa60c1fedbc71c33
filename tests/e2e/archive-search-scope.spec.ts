import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync } from '../support/cli';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { ArchivePage } from './pages/ArchivePage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

// Issue 20: the archive is "searched by the same search as the drafts with a filter (drafts /
// published / both)".
let site: MicropubSite | undefined;

test.afterEach(async () => {
  await site?.close();
  site = undefined;
});

test('one search over the pulled posts, the drafts or both, chosen with the arrow keys; a draft found opens', async ({
  app,
}) => {
  site = await startMicropubSite();
  const token = site.auth.issueToken();
  for (const [name, html] of [
    ['Quokkas of Rottnest', '<p>A day with the quokkas.</p>'],
    ['Weekly links', '<p>Links of the week.</p>'],
  ]) {
    await fetch(site.micropubUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: ['h-entry'], properties: { name: [name], content: [{ html }] } }),
    });
  }
  expect(
    (await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], { dataDir: app.dataDir, input: token }))
      .status,
  ).toBe(0);
  const notes = join(mkdtempSync(join(tmpdir(), 'postwright-e2e-md-')), 'notes.md');
  writeFileSync(notes, 'More quokkas for next week.\n');
  const drafted = await runCliAsync(['drafts', 'new', '--title', 'Quokka follow-up', '--md', notes], {
    dataDir: app.dataDir,
  });
  expect(drafted.status, drafted.stderr).toBe(0);

  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  const archive = new ArchivePage(page, 'Test site');
  await archive.runCommand('Go to Blogs');
  await archive.runCommand('Pull the Whole Blog');
  await expect(archive.status).toHaveText('Pulled: 2 new or changed, 2 posts of Test site on this computer.');

  await archive.searchFor('quokka');
  await expect(archive.posts).toHaveText([/^Quokkas of Rottnest/]);
  const published = archive.region.getByRole('radio', { name: 'Published posts' });
  await expect(published).toBeChecked();
  // A person tabs from the search field to the choice and moves along it with the arrow keys.
  await page.keyboard.press('Tab');
  await expect(published).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(archive.region.getByRole('radio', { name: 'Drafts' })).toBeChecked();
  await expect(archive.posts).toHaveText([/^Quokka follow-up/]);
  await page.keyboard.press('ArrowRight');
  await expect(archive.region.getByRole('radio', { name: 'Both' })).toBeChecked();
  await expect(archive.posts).toHaveCount(2);
  await expect(archive.post('Quokka follow-up')).toContainText('Draft');
  await expect(archive.post('Quokkas of Rottnest')).toContainText('Published');

  for (const [width, height] of [
    [1024, 700],
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/archive-search-${width}x${height}.png` });
  }

  // The published post opens in the reader; the draft opens in Drafts, ready to edit.
  await archive.post('Quokkas of Rottnest').press('Enter');
  await expect(archive.reader.getByRole('heading', { name: 'Quokkas of Rottnest' })).toBeVisible();
  await archive.post('Quokka follow-up').press('Enter');
  await expect(drafts.editor.title).toHaveValue('Quokka follow-up');
});
