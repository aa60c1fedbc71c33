import type { Page } from '@playwright/test';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

// Issue 14: everything done with the keyboard alone, asserting where the focus lands after each key
// and what a screen reader is told.

/** What the focused element is, as a person reading the screen would name it. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? '';
  });

async function newDraft(page: Page, title: string): Promise<DraftsPage> {
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft(title);
  await page.keyboard.press('Enter');
  await expect(drafts.editor.body).toBeFocused();
  return drafts;
}

test('Tab leaves the body, indents in a list, and Ctrl+M makes it insert a tab (announced)', async ({
  app,
}) => {
  const page = await app.open();
  const { editor } = await newDraft(page, 'Tabs');
  const announcer = page.getByTestId('announcer');

  await page.keyboard.type('First line');
  // Tab moves on to the next control, nothing typed; Shift+Tab comes back.
  await page.keyboard.press('Tab');
  await expect(editor.body).not.toBeFocused();
  expect(await focusedName(page)).not.toBe('');
  await page.keyboard.press('Shift+Tab');
  await expect(editor.body).toBeFocused();
  await expect(editor.body).toHaveText('First line');
  // Shift+Tab at the body goes back to the title.
  await page.keyboard.press('Shift+Tab');
  await expect(editor.title).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editor.body).toBeFocused();

  // In a list, Tab indents the item and Shift+Tab outdents it; the focus stays in the body.
  await editor.caretToEnd();
  await page.keyboard.press('Enter');
  await page.keyboard.type('- one');
  await page.keyboard.press('Enter');
  await page.keyboard.type('two');
  await page.keyboard.press('Tab');
  await expect(editor.body).toBeFocused();
  await expect(editor.body.locator('ul ul li', { hasText: 'two' })).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(editor.body).toBeFocused();
  await expect(editor.body.locator('ul ul')).toHaveCount(0);

  // Ctrl+M: Tab inserts a tab, and the author is told; Ctrl+M again gives Tab back to the focus.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.keyboard.type('a');
  await page.keyboard.press('Control+m');
  await expect(announcer).toHaveText(/^Tab inserts a tab\./);
  await page.keyboard.press('Tab');
  await page.keyboard.type('b');
  await expect(editor.body).toBeFocused();
  // (toContainText folds white space; the tab itself is read from the text.)
  expect(await editor.body.evaluate((body) => body.textContent)).toContain('a\tb');
  await page.keyboard.press('Control+m');
  await expect(announcer).toHaveText(/^Tab moves the focus\./);
  await page.keyboard.press('Tab');
  await expect(editor.body).not.toBeFocused();
  expect(await editor.body.evaluate((body) => body.textContent)).toMatch(/a\tb$/);
});

test('the formatting toolbar is one Tab stop; arrows move inside it and it remembers the last control', async ({
  app,
}) => {
  const page = await app.open();
  const { editor } = await newDraft(page, 'Toolbar');
  const inToolbar = () => page.evaluate(() => Boolean(document.activeElement?.closest('[role="toolbar"]')));

  await page.keyboard.type('Plain words');
  await page.keyboard.press('Shift+Home');
  // Body → title → the toolbar (one stop) → out of it.
  await page.keyboard.press('Shift+Tab');
  await expect(editor.title).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await inToolbar()).toBe(true);
  const bold = editor.toolbar.getByRole('button', { name: 'Bold' });
  for (
    let step = 0;
    step < 12 && !(await bold.evaluate((button) => button === document.activeElement));
    step++
  )
    await page.keyboard.press('ArrowRight');
  await expect(bold).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await inToolbar()).toBe(false);
  await page.keyboard.press('Tab');
  await expect(bold).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(editor.title).toBeFocused();
  expect(await editor.toolbar.locator('[tabindex="0"]').count()).toBe(1);
  // Home and End reach the ends; every control is reached by the arrows alone.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('End');
  await expect(editor.toolbar.locator('select, button:not([disabled])').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(editor.toolbar.locator('select, button:not([disabled])').first()).toBeFocused();
});

test('with no blog, the post panel offers "Add a blog…" as a button, and Publish says why in a status', async ({
  app,
}) => {
  const page = await app.open();
  const { editor } = await newDraft(page, 'First post');
  await page.keyboard.type('Hello.');
  await editor.openPostPanel();

  // Tab reaches it (a disabled select was skipped), Enter opens the dialog in its address field.
  const blogGroup = editor.postPanel.getByRole('group', { name: 'Blog' });
  const add = blogGroup.getByRole('button', { name: 'Add a blog…' });
  await expect(editor.postPanel.getByRole('combobox', { name: 'Blog' })).toHaveCount(0);
  await editor.postPanel.getByRole('heading', { name: 'Post' }).click();
  let tabs = 0;
  while (!(await add.evaluate((button) => button === document.activeElement)) && tabs < 8) {
    await page.keyboard.press('Tab');
    tabs++;
  }
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add a blog' });
  await expect(dialog.getByLabel('Your blog’s home page')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();

  // Publish without a blog: the reason is read from a status, and the focus stays on Publish.
  await editor.publishButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /blog/i })).toBeVisible();
  await expect(editor.publishButton).toBeFocused();
});

/** The focused element's ring: its width and its contrast with the editor's background. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (color: string) => {
      const [r, g, b] = rgb(color).map((value) => {
        const channel = value / 255;
        return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const element = document.activeElement as HTMLElement;
    const style = getComputedStyle(element);
    const ground = getComputedStyle(document.body).backgroundColor;
    const [light, dark] = [luminance(style.outlineColor), luminance(ground)].sort((a, b) => b - a);
    return {
      style: style.outlineStyle,
      width: parseFloat(style.outlineWidth),
      contrast: (light! + 0.05) / (dark! + 0.05),
    };
  });

test('the title, the body and the draft menu show a focus ring of at least 3:1', async ({ app }) => {
  const page = await app.open();
  const drafts = await newDraft(page, 'Rings');
  for (const step of ['Shift+Tab', 'Tab'] as const) {
    await page.keyboard.press(step);
    const ring = await focusRing(page);
    expect(ring.style, step).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    expect(ring.contrast).toBeGreaterThanOrEqual(3);
  }
  await drafts.row('Rings').getByRole('button', { name: 'Actions for Rings' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  const ring = await focusRing(page);
  expect(ring.style).toBe('solid');
  expect(ring.contrast).toBeGreaterThanOrEqual(3);
});

test('the first Tab of the window is a skip link into the open draft’s body', async ({ app }) => {
  const page = await app.open();
  const { editor } = await newDraft(page, 'Skipping');
  await page.keyboard.type('Words.');
  await page.reload();
  await expect(editor.title).toHaveValue('Skipping');
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the editor' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(editor.body).toBeFocused();
});
