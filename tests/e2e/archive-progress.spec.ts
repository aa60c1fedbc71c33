import { heldBlog } from '../support/archive/held-blog';
import { runCliAsync } from '../support/cli';
import { openArchive } from './support/archive-site';
import { expect, test } from './support/fixtures';

// Issue 20: a pull shows "a progress bar (count and estimate) and cancel", and a cancelled pull
// goes on from where it stopped.
const cleanups: (() => Promise<unknown>)[] = [];

test.describe.configure({ timeout: 120_000 });

test.afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

test('the pull shows its count against the estimate, Cancel stops it, and the next pull goes on from there', async ({
  app,
}) => {
  const { blog, blogId } = await heldBlog(250, { dataDir: app.dataDir, cleanups });
  const listed = await runCliAsync(['blogs', 'list', '--json'], { dataDir: app.dataDir });
  const name = listed.json<{ id: string; name: string }[]>().find((one) => one.id === blogId)!.name;

  const { page, archive } = await openArchive(app, name);
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const pullButton = archive.region.getByRole('button', { name: 'Pull the whole blog' });
  await pullButton.press('Enter');
  await expect(archive.status).toHaveText(
    `Pulled: 250 new or changed, 250 posts of ${name} on this computer.`,
  );

  // The next pull: its second page does not come until the test says so.
  blog.hold(100);
  const readsBefore = blog.sourceReads;
  await pullButton.press('Enter');
  await blog.asked;
  const bar = archive.region.getByRole('progressbar', { name: `Pulling ${name}` });
  await expect(bar).toHaveAttribute('value', '100');
  await expect(bar).toHaveAttribute('max', '250');
  await expect(archive.region.getByRole('status')).toHaveText('100 of about 250 posts');
  await archive.region.getByRole('button', { name: 'Cancel' }).click();
  await expect(archive.status).toHaveText('Cancelled after 100 posts; pulling again goes on from there.');
  await expect(bar).toHaveCount(0);
  await expect(pullButton).toBeEnabled();

  blog.release();
  const readsAtCancel = blog.sourceReads;
  await pullButton.press('Enter');
  await expect(archive.status).toHaveText(`Pulled: 0 new or changed, 250 posts of ${name} on this computer.`);
  // It went on from the page it stopped at (after=100, then 200), not from the start.
  expect(readsAtCancel - readsBefore).toBe(2);
  expect(blog.sourceReads - readsAtCancel).toBe(2);
});
