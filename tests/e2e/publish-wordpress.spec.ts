import { startWordPress, stopWordPress, type WordPressPeer } from '../support/wordpress/wordpress-peer';
import { BlogsPage } from './pages/BlogsPage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

// Its own WordPress on its own port, so it never disturbs the integration tests' instance.
const PORT = process.env.POSTWRIGHT_E2E_WP_PORT ?? '8782';
let wp: WordPressPeer;

// Serial: the tests share one WordPress; each publishes and reads back over several round trips.
test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(900_000);
  wp = startWordPress(PORT);
});

test.afterAll(() => stopWordPress(PORT));

test('add a WordPress blog from its home page, publish the open draft with one click, open the post', async ({
  app,
}) => {
  const page = await app.open();
  const blogs = new BlogsPage(page);
  await blogs.discover(wp.WP_URL);
  await expect(blogs.verdict).toHaveText(`Found MetaWeblog at ${wp.WP_ENDPOINT}`);
  await blogs.showDetails();
  await expect(blogs.step('Home page')).toContainText('found');
  await expect(blogs.step('rel="EditURI"')).toContainText('xmlrpc.php?rsd');
  await expect(blogs.step('RSD document')).toContainText('using MetaWeblog');
  await expect(blogs.step('XML-RPC endpoint')).toContainText('found');
  await blogs.signIn(wp.WP_USER, wp.WP_PASSWORD);
  await blogs.addChosenBlog();
  await expect(blogs.blog('Peer Test Blog')).toBeVisible();

  const drafts = new DraftsPage(page);
  await drafts.open();
  const title = `One click ${Date.now()}`;
  await drafts.newDraft(title);
  await drafts.editor.focusEnd();
  await drafts.editor.type('Written in Postwright, published with one click.');
  // Choosing the blog offers its existing categories while the author types one.
  await drafts.editor.openPostPanel();
  // The only blog is the one the post goes to.
  await expect(drafts.editor.postPanel.getByLabel('Blog').locator('option:checked')).toHaveText(
    'Peer Test Blog',
  );
  await drafts.editor.postPanel.getByRole('combobox', { name: 'Categories' }).click();
  await page.keyboard.type('Pe');
  await expect(
    drafts.editor.postPanel
      .getByRole('listbox', { name: 'Categories on Peer Test Blog' })
      .getByRole('option'),
  ).toHaveText(['Peer Test']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(drafts.editor.postPanel.getByRole('listitem').filter({ hasText: 'Peer Test' })).toBeVisible();
  await drafts.editor.publishButton.click();

  const link = page.locator('.publish__link');
  await expect(link).toBeVisible({ timeout: 30_000 });
  const url = await link.getAttribute('href');
  expect(url).toMatch(new RegExp(`^${wp.WP_URL}/`));
  const post = await page.request.get(url!);
  expect(post.status()).toBe(200);
  expect(await post.text()).toContain(title);

  await blogs.open();
  await expect(blogs.outbox.getByRole('listitem').filter({ hasText: title })).toContainText('Done');
});
