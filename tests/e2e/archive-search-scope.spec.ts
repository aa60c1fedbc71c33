import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCliAsync } from '../support/cli';
import { addBlogByCli, openArchive, postEntry, useArchiveSite } from './support/archive-site';
import { expect, test } from './support/fixtures';
import { saveScreenshot, SIZES } from './support/layout';

// Issue 20: the archive is "searched by the same search as the drafts with a filter (drafts /
// published / both)".
const blog = useArchiveSite();

test('one search over the pulled posts, the drafts or both, chosen with the arrow keys; a draft found opens', async ({
  app,
}, testInfo) => {
  const { site, token } = await blog.start();
  for (const [name, html] of [
    ['Quokkas of Rottnest', '<p>A day with the quokkas.</p>'],
    ['Weekly links', '<p>Links of the week.</p>'],
  ]) {
    await postEntry(site, token, { name: [name], content: [{ html }] });
  }
  await addBlogByCli(app, site, token);
  const notes = join(mkdtempSync(join(tmpdir(), 'postwright-e2e-md-')), 'notes.md');
  writeFileSync(notes, 'More quokkas for next week.\n');
  const drafted = await runCliAsync(['drafts', 'new', '--title', 'Quokka follow-up', '--md', notes], {
    dataDir: app.dataDir,
  });
  expect(drafted.status, drafted.stderr).toBe(0);

  const { page, drafts, archive } = await openArchive(app);
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

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'archive-search');
  }

  // The published post opens in the reader; the draft opens in Drafts, ready to edit.
  await archive.post('Quokkas of Rottnest').press('Enter');
  await expect(archive.reader.getByRole('heading', { name: 'Quokkas of Rottnest' })).toBeVisible();
  await archive.post('Quokka follow-up').press('Enter');
  await expect(drafts.editor.title).toHaveValue('Quokka follow-up');
});
