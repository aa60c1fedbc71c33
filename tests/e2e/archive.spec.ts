import { addBlogByCli, openArchive, postEntry, useArchiveSite } from './support/archive-site';
import { expect, test } from './support/fixtures';
import { saveScreenshot, SIZES } from './support/layout';

const blog = useArchiveSite();

test.describe.configure({ timeout: 180_000 });

test('pull the whole blog from the palette, find a post offline, read it, and make it a linked draft', async ({
  app,
}, testInfo) => {
  const { site, token } = await blog.start();
  for (let i = 0; i < 150; i += 1) {
    await postEntry(site, token, {
      name: [`Weekly links ${i}`],
      content: [{ html: `<p>Links of week ${i}${i === 42 ? ', with the quokka sanctuary' : ''}.</p>` }],
      category: ['bookmarks'],
      published: [new Date(Date.UTC(2009, 0, 1 + 7 * i)).toISOString()],
      // The test site answers its /media/ addresses with a page, not an image.
      ...(i === 7 ? { photo: [`${site.url}media/not-an-image.jpg`] } : {}),
    });
  }
  await addBlogByCli(app, site, token);

  const { page, archive } = await openArchive(app);
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

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'archive');
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
