import {
  startMicropubSite,
  WORDPRESS_QUIRKS,
  type MicropubSite,
} from '../support/micropub-server/micropub-site';
import { PNG } from '../support/micropub-server/png';
import { BlogsPage } from './pages/BlogsPage';
import { DraftsPage } from './pages/DraftsPage';
import { IndieAuthSignIn } from './pages/IndieAuthPages';
import { expect, test } from './support/fixtures';

let site: MicropubSite | undefined;

// Signing in, publishing, updating and deleting take several round trips each.
test.describe.configure({ timeout: 180_000 });

test.afterEach(async () => {
  await site?.close();
  site = undefined;
});

test('add a Micropub blog by signing in on the site, publish an article with an image and a syndication target, update it, delete it', async ({
  app,
}) => {
  const site = await startSite();
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

async function startSite(quirks: Parameters<typeof startMicropubSite>[0] = {}): Promise<MicropubSite> {
  site = await startMicropubSite(quirks);
  return site;
}

test('on a WordPress site: a create-only sign-in is explained and signed in again, a new title moves the post, a category removed on the blog stays removed', async ({
  app,
}) => {
  const site = await startSite(WORDPRESS_QUIRKS);
  site.auth.grantedScope = 'create';
  const page = await app.open();
  const blogs = new BlogsPage(page);
  const signIn = new IndieAuthSignIn(page);
  await blogs.discover(site.url);
  await signIn.approveInNewTab(page.context());
  const row = blogs.blog('Test site');
  await expect(row).toContainText(
    'This sign-in can only create posts; sign in again to allow updates, deletes, undeletes and media uploads.',
  );

  // A create-only sign-in publishes.
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Peer test');
  await drafts.editor.focusEnd();
  await drafts.editor.type('Hello WordPress.');
  await drafts.editor.openPostPanel();
  const categories = drafts.editor.postPanel.getByRole('combobox', { name: 'Categories' });
  for (const name of ['first', 'Peer Test']) {
    await categories.pressSequentially(name);
    await categories.press('Enter');
  }
  await drafts.editor.saveNow();
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const link = page.locator('.publish__link');
  await expect(link).toHaveAttribute('href', `${site.url}posts/peer-test`, { timeout: 30_000 });

  // Updating it is explained before the click; WordPress refuses it, and the way out is offered.
  const publishArea = page.locator('.publish');
  const limited = publishArea.getByRole('button', { name: '⚠ Limited sign-in' });
  await limited.click();
  await expect(publishArea.getByRole('note')).toContainText(
    'This sign-in can only create posts; the blog may refuse this update. Sign in again to allow updates.',
  );
  await limited.click();
  await drafts.editor.title.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' renamed');
  await drafts.editor.saveNow();
  await drafts.editor.publishButton.click();
  await expect(publishArea).toContainText('The blog did not give Postwright the "update" permission.');
  site.auth.grantedScope = null;
  await signIn.approveAgain(page.context(), publishArea.getByRole('button', { name: 'Sign in again' }));
  await expect(publishArea).toContainText(
    'This sign-in allows creating, updating, deleting and undeleting posts and uploading media.',
  );
  await expect(limited).toBeHidden();

  // The new title moves the post (WordPress answers with the post's row, no Location): the link follows.
  await drafts.editor.publishButton.click();
  const moved = `${site.url}posts/peer-test-renamed`;
  await expect(publishArea).toContainText('Updated on Test site; the post now lives at', { timeout: 30_000 });
  await expect(link).toHaveAttribute('href', moved);
  expect(site.posts.posts.get(moved)?.properties.name).toEqual(['Peer test renamed']);
  expect(site.posts.posts.size).toBe(1);

  // On the blog a category is added and one removed: WordPress then lists the rest as an object.
  site.posts.update(moved, { add: { category: ['added-tag'] } });
  site.posts.update(moved, { delete: { category: ['first'] } });
  await blogs.open();
  await row.getByRole('button', { name: 'Recent posts' }).click();
  const recent = row.getByRole('list', { name: 'Recent posts' });
  await recent
    .getByRole('listitem')
    .filter({ hasText: 'Peer test renamed' })
    .getByRole('button', { name: 'Pull' })
    .click();
  await expect(row.getByText('“Peer test renamed” is now a draft in Drafts')).toBeVisible();
  await drafts.open();
  await drafts.row('Peer test renamed').first().locator('.draft-row__open').click();
  await drafts.editor.openPostPanel();
  const chips = drafts.editor.postPanel.locator('.chip');
  await expect(chips).toHaveText(['Peer Test×', 'added-tag×']);
});
