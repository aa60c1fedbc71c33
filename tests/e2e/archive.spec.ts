import { runCliAsync } from '../support/cli';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { ArchivePage } from './pages/ArchivePage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

let site: MicropubSite | undefined;

test.describe.configure({ timeout: 180_000 });

test.afterEach(async () => {
  await site?.close();
  site = undefined;
});

test('pull the whole blog from the palette, find a post offline, read it, and make it a linked draft', async ({
  app,
}) => {
  site = await startMicropubSite();
  const token = site.auth.issueToken();
  for (let i = 0; i < 150; i += 1) {
    await fetch(site.micropubUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: ['h-entry'],
        properties: {
          name: [`Weekly links ${i}`],
          content: [{ html: `<p>Links of week ${i}${i === 42 ? ', with the quokka sanctuary' : ''}.</p>` }],
          category: ['bookmarks'],
          published: [new Date(Date.UTC(2009, 0, 1 + 7 * i)).toISOString()],
          // The test site answers its /media/ addresses with a page, not an image.
          ...(i === 7 ? { photo: [`${site!.url}media/not-an-image.jpg`] } : {}),
        },
      }),
    });
  }
  const added = await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], {
    dataDir: app.dataDir,
    input: token,
  });
  expect(added.status, added.stderr).toBe(0);

  const page = await app.open();
  // The app is up (its keys listen) once the drafts show.
  await new DraftsPage(page).open();
  const archive = new ArchivePage(page, 'Test site');
  await archive.runCommand('Go to Blogs');
  await archive.runCommand('Pull the Whole Blog');
  await expect(archive.status).toHaveText(
    'Pulled: 150 new or changed, 150 posts of Test site on this computer.',
  );
  await expect(archive.posts).toHaveCount(150);

  await archive.searchFor('quokka');
  await expect(archive.posts).toHaveCount(1);
  await archive.post('Weekly links 42').click();
  await expect(archive.reader.getByRole('heading', { name: 'Weekly links 42' })).toBeVisible();
  await expect(archive.reader).toContainText('Links of week 42, with the quokka sanctuary.');
  await expect(archive.reader).toContainText('2009-10-22 · publish · bookmarks');

  for (const [width, height] of [
    [1024, 700],
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/archive-${width}x${height}.png` });
  }

  await archive.reader.getByRole('button', { name: 'Edit' }).click();
  await expect(archive.reader.getByRole('status')).toHaveText(
    '“Weekly links 42” is a draft in Drafts; publishing it updates the post.',
  );
  // Pulled again, nothing has changed: nothing is written.
  await archive.region.getByRole('button', { name: 'Pull the whole blog' }).click();
  await expect(archive.status.first()).toHaveText(
    'Pulled: 0 new or changed, 150 posts of Test site on this computer.',
  );
  // With images: the one the posts refer to is not an image, and the author is told.
  await archive.region.getByRole('checkbox', { name: 'With images' }).click();
  await archive.region.getByRole('button', { name: 'Pull the whole blog' }).click();
  await expect(archive.status.first()).toHaveText(
    'Pulled: 0 new or changed, 150 posts of Test site on this computer. Images: 0 kept, 1 could not be downloaded (pulling again tries them again).',
  );
});
