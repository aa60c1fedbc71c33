import { runCliAsync } from '../support/cli';
import { makePng } from '../support/png';
import { wordpressRest } from '../support/wordpress/rest';
import { startWordPress, stopWordPress, type WordPressPeer } from '../support/wordpress/wordpress-peer';
import { BlogsPage } from './pages/BlogsPage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { SIZES, saveScreenshot } from './support/layout';

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

test('first day: an empty library, the blog added, a post with a bold word, a link and a pasted image, published, edited and updated, once', async ({
  app,
}) => {
  test.setTimeout(240_000);
  const rest = wordpressRest(wp);
  const page = await app.open();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);

  // Nothing yet: the drafts list says how to start.
  const drafts = new DraftsPage(page);
  await drafts.open();
  await expect(drafts.emptyMessage()).toContainText('No drafts yet');

  // The blog, from its home page address, by keyboard.
  const blogs = new BlogsPage(page);
  await blogs.discover(wp.WP_URL);
  await expect(blogs.verdict).toHaveText(`Found MetaWeblog at ${wp.WP_ENDPOINT}`);
  await blogs.signIn(wp.WP_USER, wp.WP_PASSWORD);
  await expect(blogs.dialog.getByRole('radio', { name: /Peer Test Blog/ })).toBeChecked();
  await blogs.addChosenBlog();
  await expect(blogs.blog('Peer Test Blog')).toBeVisible();

  // The post: title, Enter, a bold word, a linked phrase, a pasted image.
  await drafts.open();
  const title = `First day ${Date.now()}`;
  await drafts.newDraft(title);
  const { editor } = drafts;
  await editor.press('Enter');
  await expect(editor.body).toBeFocused();
  await editor.type('Postwright keeps every draft on ');
  await editor.press('Control+b');
  await editor.type('your');
  await editor.press('Control+b');
  await editor.type(' disk. Read the announcement');
  await editor.press('Shift+Control+ArrowLeft');
  await editor.addLink('https://www.socitm.net/workshop');
  await editor.type('.');
  await editor.press('Enter');
  await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    await navigator.clipboard.write([
      new ClipboardItem({ 'image/png': new Blob([bytes], { type: 'image/png' }) }),
    ]);
  }, makePng(6).toString('base64'));
  await editor.press('Control+v');
  await expect(editor.body.locator('img')).toHaveAttribute('src', /^\/drafts\/[a-z0-9-]+\/assets\//);
  await expect(editor.body.locator('strong')).toHaveText('your');
  await expect(editor.body.locator('a')).toHaveText('announcement');

  // The image is described first (Publish would warn otherwise): a click on it, Enter, its alt text, Done.
  await editor.body.locator('img').click();
  await editor.press('Enter');
  const imagePanel = page.getByRole('group', { name: 'Image settings' });
  await expect(imagePanel.getByRole('textbox', { name: 'Alt text' })).toBeFocused();
  await editor.press('Control+a');
  await editor.type('A green square');
  await imagePanel.getByRole('button', { name: 'Done' }).click();
  await expect(editor.body.locator('img')).toHaveAttribute('alt', 'A green square');

  // Publish with one click; the panel then says where it went.
  await editor.openPostPanel();
  await editor.publishButton.click();
  const onBlog = editor.postPanel.getByRole('region', { name: 'On the blog' });
  await expect(onBlog).toContainText('Published on Peer Test Blog', { timeout: 30_000 });
  await expect(editor.publishButton).toHaveText('Update');

  // An edit, marked until it goes; Update sends it to the same post.
  await editor.focusEnd();
  await editor.type('Written on the first day.');
  await expect(editor.changedMark).toBeVisible();
  await editor.publishButton.click();
  await expect(editor.publishStatus).toContainText('Updated on Peer Test Blog', { timeout: 30_000 });
  await expect(editor.changedMark).toBeHidden();

  // What WordPress has: one post, with the change, the bold word, the link and the uploaded image.
  const posts = await rest.postsTitled(title);
  expect(posts).toHaveLength(1);
  const content = posts[0]!.content.raw;
  expect(content).toContain('Written on the first day.');
  expect(content).toMatch(/<(strong|b)>your<\/(strong|b)>/);
  expect(content).toMatch(/<a href="https:\/\/www\.socitm\.net\/workshop"[^>]*>announcement<\/a>/);
  expect(content).toMatch(new RegExp(`<img[^>]+src="${wp.WP_URL}/wp-content/uploads/[^"]+\\.png"`));
  await expect(onBlog.getByRole('link', { name: 'View the post' })).toHaveAttribute('href', posts[0]!.link);
  const live = await page.request.get(posts[0]!.link);
  expect(await live.text()).toContain('Written on the first day.');
});

test('the preview shows the post in the blog’s own style, read from its home page, or in the clean one', async ({
  app,
}, testInfo) => {
  const added = await runCliAsync(['blogs', 'add', wp.WP_URL, '--user', wp.WP_USER, '--password-stdin'], {
    dataDir: app.dataDir,
    input: wp.WP_PASSWORD,
  });
  expect(added.status, added.stderr).toBe(0);
  const page = await app.open();
  await page.setViewportSize({ width: 1280, height: 800 });

  // How the blog itself looks, as a reader's browser shows its home page.
  const blogPage = await page.context().newPage();
  await blogPage.goto(wp.WP_URL);
  const blogLook = await blogPage.evaluate(() => ({
    font: getComputedStyle(document.body).fontFamily,
    background: getComputedStyle(document.body).backgroundColor,
    title: getComputedStyle(document.querySelector('h1')!).color,
  }));
  await blogPage.close();
  expect(blogLook.font).toContain('DejaVu Sans Mono');

  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Low tide walk');
  await drafts.editor.focusEnd();
  await drafts.editor.type('We met at the pier and walked two miles along the sand.');
  await page.keyboard.press('Control+Alt+p');
  const preview = page.getByRole('region', { name: 'Preview' });
  const frame = preview.locator('iframe[title="Post preview"]');
  const post = frame.contentFrame();
  await expect(post.locator('.entry-title')).toHaveText('Low tide walk');
  const look = () =>
    post.locator('body').evaluate((body) => ({
      font: getComputedStyle(body).fontFamily,
      background: getComputedStyle(body).backgroundColor,
      title: getComputedStyle(body.querySelector('.entry-title')!).color,
    }));
  await expect.poll(look).not.toEqual(blogLook);

  await preview.getByRole('button', { name: 'Peer Test Blog’s style' }).click();
  await expect(frame).toHaveAttribute('data-style', 'blog');
  await expect(post.locator('.entry-content')).toContainText('two miles along the sand');
  // The frame loads its new page after the attribute changes: asked until it has.
  await expect.poll(look).toEqual(blogLook);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'preview-blog-style');
  }

  await preview.getByRole('button', { name: 'Clean' }).click();
  await expect(frame).toHaveAttribute('data-style', 'clean');
  await expect.poll(async () => (await look()).font).not.toContain('DejaVu Sans Mono');
});
