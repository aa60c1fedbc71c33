import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { PNG } from '../support/micropub-server/png';
import { BlogsPage } from './pages/BlogsPage';
import { DraftsPage } from './pages/DraftsPage';
import { IndieAuthSignIn } from './pages/IndieAuthPages';
import { expect, test } from './support/fixtures';

let site: MicropubSite;

// Signing in, publishing, updating and deleting take several round trips each.
test.describe.configure({ timeout: 120_000 });

test.beforeEach(async () => {
  site = await startMicropubSite();
});

test.afterEach(async () => {
  await site.close();
});

test('add a Micropub blog by signing in on the site, publish an article with an image and a syndication target, update it, delete it', async ({
  app,
}) => {
  const page = await app.open();
  const blogs = new BlogsPage(page);
  await blogs.discover(site.url);
  await expect(blogs.verdict).toHaveText(`Found Micropub at ${site.micropubUrl}`);
  await blogs.showDetails();
  await expect(blogs.step('rel="micropub"')).toContainText('found');
  await expect(blogs.step('rel="indieauth-metadata"')).toContainText('found');
  await new IndieAuthSignIn(page).approveInNewTab(page.context());
  await expect(blogs.blogs.getByRole('listitem')).toContainText('Test site');
  expect(site.auth.problems).toEqual([]);

  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('The pier at dusk');
  await drafts.editor.focusEnd();
  await drafts.editor.type('The West Pier, from the beach.');
  await drafts.editor.paste({
    image: { name: 'pier.png', type: 'image/png', base64: PNG.toString('base64') },
  });
  await expect(drafts.editor.body.locator('img')).toBeVisible();
  await drafts.editor.saveNow();

  // The blog's syndication targets (q=config) are offered; the author ticks one.
  await page.getByRole('group', { name: 'Also post to' }).getByLabel('Social (@author)').check();
  await drafts.editor.publishButton.click();
  const link = page.locator('.publish__link');
  await expect(link).toBeVisible({ timeout: 30_000 });
  const url = (await link.getAttribute('href'))!;
  expect(url).toMatch(new RegExp(`^${site.url}posts/`));
  const post = site.posts.posts.get(url)!;
  expect(post.properties.name).toEqual(['The pier at dusk']);
  expect(post.properties['mp-syndicate-to']).toEqual(['https://social.example/@author']);
  const first = post.properties.photo?.[0] as string | { value: string };
  const photo = typeof first === 'string' ? first : first.value;
  expect(photo).toMatch(new RegExp(`^${site.url}media/\\d+-`));
  expect((post.properties.content?.[0] as { html: string }).html).toContain(photo);
  expect(site.log.filter((request) => request.path === '/media')).toHaveLength(1);

  await drafts.editor.focusEnd();
  await drafts.editor.type(' Updated at low tide.');
  await drafts.editor.saveNow();
  await expect(drafts.editor.changedMark).toBeVisible();
  await drafts.editor.publishButton.click();
  await expect(drafts.editor.publishStatus).toContainText('Updated on Test site');
  await expect
    .poll(() => (site.posts.posts.get(url)?.properties.content?.[0] as { html: string }).html)
    .toContain('Updated at low tide.');
  expect(site.posts.posts.size).toBe(1);

  await page.getByRole('button', { name: 'Delete from blog' }).click();
  await page.getByRole('button', { name: 'Delete post' }).click();
  await expect(page.getByText('Deleted from the blog.')).toBeVisible();
  expect(site.posts.posts.get(url)!.deleted).toBe(true);
});
