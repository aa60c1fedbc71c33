import { runCli, runCliAsync } from '../support/cli';
import {
  SITE_CATEGORIES,
  startMicropubSite,
  type MicropubSite,
} from '../support/micropub-server/micropub-site';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test, type AppUnderTest } from './support/fixtures';
import { expectControlsUsable } from './support/layout';

let site: MicropubSite;
test.beforeEach(async () => {
  site = await startMicropubSite();
});
test.afterEach(async () => {
  await site.close();
});

/** The author's one blog, added before the app starts (adding through the UI has its own specs). */
async function withBlog(app: AppUnderTest) {
  const added = await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], {
    dataDir: app.dataDir,
    input: site.auth.issueToken(),
  });
  expect(added.status, added.stderr).toBe(0);
  await app.restart();
}

test('categories: the blog’s own are suggested as the author types, and a new one can be added', async ({
  app,
}) => {
  expect(SITE_CATEGORIES).toContain('events');
  await withBlog(app);
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Learning Pool breakfasts');
  const { editor, page } = drafts;
  await editor.openPostPanel();
  // The only blog is where the post goes; the panel says so rather than "Choose a blog…".
  await expect(editor.postPanel.getByLabel('Blog').locator('option:checked')).toHaveText('Test site');

  const categories = editor.postPanel.getByRole('combobox', { name: 'Categories' });
  await categories.click();
  await page.keyboard.type('ev');
  const suggestions = editor.postPanel.getByRole('listbox', { name: 'Categories on Test site' });
  await expect(suggestions.getByRole('option')).toHaveText(['events']);
  await page.keyboard.press('ArrowDown');
  await expect(suggestions.getByRole('option', { name: 'events' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(editor.postPanel.getByRole('listitem').filter({ hasText: 'events' })).toBeVisible();
  await expect(categories).toHaveValue('');

  // Typed letters that match nothing on the blog make a new category.
  await page.keyboard.type('Local government');
  await expect(suggestions.getByRole('option')).toHaveText(['Add “Local government” as a new category']);
  await page.keyboard.press('Enter');
  await expect(editor.postPanel.getByRole('listitem').filter({ hasText: 'Local government' })).toBeVisible();

  // A click on a suggestion takes it too.
  await page.keyboard.type('b');
  await suggestions.getByRole('option', { name: 'brighton' }).click();
  await expect(editor.postPanel.getByRole('listitem').filter({ hasText: 'brighton' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(suggestions).toBeHidden();
  await editor.saveNow();

  const list = runCli(['drafts', 'list', '--json'], { dataDir: app.dataDir }).json<{ id: string }[]>();
  const saved = runCli(['drafts', 'show', list[0]!.id, '--json'], { dataDir: app.dataDir }).json<{
    categories: string[];
  }>();
  expect(saved.categories).toEqual(['events', 'Local government', 'brighton']);
});

test('after publishing, the panel shows the blog, the live post and when it went; edits are marked; Update is the action', async ({
  app,
}) => {
  await withBlog(app);
  const page = await app.open();
  await page.setViewportSize({ width: 1024, height: 700 });
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('The pier at dusk');
  const { editor } = drafts;
  await editor.focusEnd();
  await editor.type('The West Pier, from the beach.');
  await editor.openPostPanel();
  await expect(editor.publishButton).toHaveText('Publish');
  await editor.publishButton.click();

  const onBlog = editor.postPanel.getByRole('region', { name: 'On the blog' });
  await expect(onBlog).toContainText('Published on Test site');
  const live = onBlog.getByRole('link', { name: 'View the post' });
  const url = (await live.getAttribute('href'))!;
  expect(url).toMatch(new RegExp(`^${site.url}posts/`));
  expect(site.posts.posts.get(url)?.properties.name).toEqual(['The pier at dusk']);
  await expect(onBlog).toContainText(/Last published .*\d{1,2}:\d{2}/);
  await expect(editor.postPanel.getByLabel('Blog').locator('option:checked')).toHaveText('Test site');
  await expect(editor.publishButton).toHaveText('Update');
  await expect(editor.publishButton).toHaveClass(/button--primary/);
  await expect(editor.changedMark).toBeHidden();

  // An edit after publishing is marked until it is sent.
  await editor.focusEnd();
  await editor.type(' Updated at low tide.');
  await expect(editor.changedMark).toBeVisible();
  await expect(editor.changedMark).toHaveText('Changed since published');
  await editor.waitUntilSaved();
  await expect(editor.changedMark).toBeVisible();

  // The footer's controls fit beside one another at 1024 px, the panel open.
  await expectControlsUsable(page, {
    'word count': editor.wordCount,
    'edit HTML': page.getByRole('button', { name: 'Edit HTML' }),
    'post settings': page.getByRole('button', { name: 'Hide post settings' }),
    'save state': editor.saveState,
    'changed mark': editor.changedMark,
    update: editor.publishButton,
  });

  await editor.publishButton.click();
  await expect(editor.publishStatus).toContainText('Updated on Test site');
  await expect(editor.changedMark).toBeHidden();
  await expect(onBlog).toContainText(/Last updated .*\d{1,2}:\d{2}/);
  await expect
    .poll(() => contentText(site.posts.posts.get(url)?.properties.content?.[0]))
    .toContain('Updated at low tide.');
  expect(site.posts.posts.size).toBe(1);

  // The app opened again later: it comes back to the draft the author left open, and the draft
  // still knows where it went and when.
  await page.reload();
  await expect(editor.title).toHaveValue('The pier at dusk');
  await editor.openPostPanel();
  await expect(onBlog).toContainText('Published on Test site');
  await expect(editor.publishButton).toHaveText('Update');
  await expect(editor.changedMark).toBeHidden();
});

/** A plain post's content is a string, one with markup `{html}`: what the blog shows either way. */
function contentText(value: unknown): string {
  if (typeof value === 'string') return value;
  return (value as { html?: string } | undefined)?.html ?? '';
}
