import type { Locator, Page } from '@playwright/test';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { PNG } from '../support/micropub-server/png';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/layout';

// Issue 14: the first day, by keyboard alone. A new draft with a title, a bold phrase, a link and an
// image with its alt text; a blog added from the post panel; the post published; then the inbox, a
// digest, the calendar, and back to the draft. After each step the test asserts where the focus is,
// and each step takes no more than a handful of Tabs. No click, no .focus(): only keys.
test.describe.configure({ timeout: 180_000 });

/** The most Tabs (or Shift+Tabs) a step may take to reach its control. */
const HANDFUL = 5;

let site: MicropubSite;
test.beforeAll(async () => {
  site = await startMicropubSite();
});
test.afterAll(async () => {
  await site.close();
});

const isFocused = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement).catch(() => false);

/** Presses `key` until `target` has the focus; fails past a handful. Returns how many presses it took. */
async function pressTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<number> {
  for (let presses = 0; presses < HANDFUL; presses++) {
    if (await isFocused(target)) return presses;
    await page.keyboard.press(key);
  }
  await expect(target, `reached within ${HANDFUL} presses of ${key}`).toBeFocused({ timeout: 1_000 });
  return HANDFUL;
}

test('the first day by keyboard alone: write, link, image, add a blog, publish, inbox, digest, calendar, back', async ({
  app,
}, testInfo) => {
  const page = await app.open();
  await page.setViewportSize({ width: 1280, height: 800 });
  const drafts = new DraftsPage(page);
  const { editor } = drafts;
  await drafts.shell.waitUntilReady();
  const tabs: Record<string, number> = {};

  // A new draft by its shortcut: the caret is in the empty title; Enter goes on to the body.
  await page.keyboard.press('Control+Alt+n');
  await expect(editor.title).toBeFocused();
  await page.keyboard.type('Harvest supper');
  await page.keyboard.press('Enter');
  await expect(editor.body).toBeFocused();

  // Bold with Ctrl+B, on and off.
  await page.keyboard.type('Supper is at seven. ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('Bring a dish');
  await page.keyboard.press('Control+b');
  await page.keyboard.type(' and see the map');
  await expect(editor.body.locator('strong, b').filter({ hasText: 'Bring a dish' })).toBeVisible();
  await expect(editor.body).toBeFocused();

  // A link with Ctrl+K over the selected words; Enter puts the caret back in the body.
  for (let letter = 0; letter < 'the map'.length; letter++) await page.keyboard.press('Shift+ArrowLeft');
  await editor.addLink('https://example.com/map');
  await expect(editor.body.getByRole('link', { name: 'the map' })).toHaveAttribute(
    'href',
    'https://example.com/map',
  );
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await saveScreenshot(page, testInfo, 'journey-body');

  // An image from the Insert menu: the toolbar is one stop back from the title; the arrows reach
  // Insert; the file chooser answers; the image arrives selected, and Enter reaches its alt text.
  tabs['title'] = await pressTo(page, editor.title, 'Shift+Tab');
  tabs['toolbar'] = await pressTo(page, editor.toolbar.locator('[tabindex="0"]'), 'Shift+Tab');
  const insert = editor.toolbar.getByRole('button', { name: /^Insert/ });
  for (let step = 0; step < 12 && !(await isFocused(insert)); step++) await page.keyboard.press('ArrowRight');
  await expect(insert).toBeFocused();
  await page.keyboard.press('Enter');
  const image = page.getByRole('menu', { name: /^Insert/ }).getByRole('menuitem', { name: 'Image…' });
  await expect(image).toBeFocused();
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles({ name: 'harvest-table.png', mimeType: 'image/png', buffer: PNG });
  await expect(editor.body.locator('img')).toBeVisible();
  const altText = page
    .getByRole('group', { name: 'Image settings' })
    .getByRole('textbox', { name: 'Alt text' });
  await expect(altText).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(altText).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('A long table laid for supper in a barn');
  await page.keyboard.press('Enter');
  await saveScreenshot(page, testInfo, 'journey-alt-text');
  await page.keyboard.press('Escape');
  await expect(editor.body).toBeFocused();
  await expect(editor.body.locator('img')).toHaveAttribute('alt', 'A long table laid for supper in a barn');
  await editor.saveNow();

  // The post panel, and "Add a blog…" in it: the dialog opens in its address field.
  const showPanel = page.getByRole('button', { name: 'Show post settings' });
  if (await showPanel.isVisible()) {
    tabs['show post settings'] = await pressTo(page, showPanel);
    await page.keyboard.press('Enter');
  }
  await expect(editor.postPanel).toBeVisible();
  const addBlog = editor.postPanel.getByRole('button', { name: 'Add a blog…' });
  tabs['add a blog'] = await pressTo(page, addBlog);
  await saveScreenshot(page, testInfo, 'journey-add-blog-focus');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a blog' });
  await expect(dialog.getByLabel('Your blog’s home page')).toBeFocused();
  await page.keyboard.type(site.url);
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('discovery-verdict')).toHaveText(`Found Micropub at ${site.micropubUrl}`, {
    timeout: 40_000,
  });
  const signIn = dialog.getByRole('button', { name: 'Sign in with IndieAuth' });
  tabs['sign in'] = await pressTo(page, signIn);
  const opened = page.context().waitForEvent('page');
  await page.keyboard.press('Enter');
  // The site's own page, in a tab of its own: approved by keyboard too.
  const tab = await opened;
  const approve = tab.getByRole('button', { name: 'Approve' });
  await expect(approve).toBeVisible();
  tabs['approve on the site'] = await pressTo(tab, approve);
  await tab.keyboard.press('Enter');
  await expect(tab.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await tab.close();
  await page.bringToFront();
  await expect(dialog).toBeHidden();
  const blogChoice = editor.postPanel.getByRole('combobox', { name: 'Blog' });
  await expect(blogChoice).toHaveValue(/.+/);
  await expect(blogChoice).toBeFocused();

  // Publish, just before the panel: back a Tab or two; the status says where it went; the focus stays.
  tabs['publish'] = await pressTo(page, editor.publishButton, 'Shift+Tab');
  await page.keyboard.press('Enter');
  const link = page.locator('.publish__link');
  await expect(link).toBeVisible({ timeout: 30_000 });
  expect(site.posts.posts.size).toBe(1);
  // The button it was is now Update, and keeps the focus.
  await expect(page.getByRole('button', { name: 'Update' })).toBeFocused();
  await saveScreenshot(page, testInfo, 'journey-published');

  // The inbox by its shortcut: the heading has the focus; the field to add a link is a Tab away.
  await page.keyboard.press('Control+2');
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeFocused();
  const quickAdd = page.getByRole('textbox', { name: 'Add a link' });
  tabs['add a link'] = await pressTo(page, quickAdd);
  await page.keyboard.type('http://127.0.0.1:9/harvest-recipes');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Inbox' }).getByRole('listitem')).toHaveCount(1);
  await expect(quickAdd).toBeFocused();
  await expect(quickAdd).toHaveValue('');

  // Build digest, then back to the inbox: the focus is on each screen's heading.
  const build = page.getByRole('button', { name: 'Build digest' });
  tabs['build digest'] = await pressTo(page, build, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Build digest', level: 1 })).toBeFocused();
  await saveScreenshot(page, testInfo, 'journey-digest');

  // The calendar by its shortcut; then back to the draft, which is still open.
  await page.keyboard.press('Control+4');
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeFocused();
  await page.keyboard.press('Control+1');
  await expect(editor.title).toHaveValue('Harvest supper');
  await expect(editor.body).toBeFocused();
  await expect(editor.body.locator('img')).toHaveAttribute('alt', 'A long table laid for supper in a barn');
  await saveScreenshot(page, testInfo, 'journey-back');

  testInfo.annotations.push({ type: 'tabs per step', description: JSON.stringify(tabs) });
});
