import type { Page } from '@playwright/test';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test, type AppUnderTest } from './support/fixtures';

const LINE = 'Read the workshop announcement today';

/**
 * A new draft whose body holds one line, the words "workshop announcement" selected with
 * Shift+Ctrl+Left from just after them.
 */
async function selectedWords(app: AppUnderTest) {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Links by keyboard');
  await drafts.editor.focusEnd();
  await drafts.editor.type(LINE);
  const { page } = drafts;
  await page.keyboard.press('End');
  await page.keyboard.press('Control+ArrowLeft'); // before "today"
  await page.keyboard.press('ArrowLeft'); // after "announcement"
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString()))
    .toBe('workshop announcement');
  return drafts;
}

test('select words, Ctrl+K, type the address, Enter: the words become the link and the caret goes on after it', async ({
  app,
}) => {
  const { editor, page } = await selectedWords(app);

  const field = await editor.openLinkField();
  // Typed a key at a time: every key lands in the field, none in the post.
  await page.keyboard.type('https://www.socitm.net/workshop', { delay: 30 });
  await expect(field).toHaveValue('https://www.socitm.net/workshop');
  await expect(editor.body).toHaveText(LINE);
  await page.keyboard.press('Enter');

  await expect(editor.linkDialog).toBeHidden();
  await expect(editor.body).toBeFocused();
  await expect(editor.body).toHaveText(LINE);
  const link = editor.body.locator('a');
  await expect(link).toHaveText('workshop announcement');
  await expect(link).toHaveAttribute('href', 'https://www.socitm.net/workshop');
  await page.keyboard.type(' here');
  await expect(editor.body).toHaveText('Read the workshop announcement here today');
  await expect(link).toHaveText('workshop announcement');
});

test('Escape cancels the link and gives back the same selection in the body', async ({ app }) => {
  const { editor, page } = await selectedWords(app);

  const field = await editor.openLinkField();
  await page.keyboard.type('https://half.typed');
  await expect(field).toHaveValue('https://half.typed');
  await page.keyboard.press('Escape');

  await expect(editor.linkDialog).toBeHidden();
  await expect(editor.body).toBeFocused();
  await expect(editor.body.locator('a')).toHaveCount(0);
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString()))
    .toBe('workshop announcement');
  // The next key replaces the selection, as it would before Ctrl+K.
  await page.keyboard.type('briefing');
  await expect(editor.body).toHaveText('Read the briefing today');
});

test('Ctrl+K on a link edits its address; an emptied address removes the link and keeps the words', async ({
  app,
}) => {
  const { editor, page } = await selectedWords(app);
  await editor.addLink('https://example.org/old');

  // Back into the linked words, caret only.
  await editor.body.locator('a').click();
  const field = await editor.openLinkField();
  await expect(field).toHaveValue('https://example.org/old');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('https://www.socitm.net/new');
  await page.keyboard.press('Enter');
  await expect(editor.linkDialog).toBeHidden();
  await expect(editor.body.locator('a')).toHaveAttribute('href', 'https://www.socitm.net/new');
  await expect(editor.body.locator('a')).toHaveText('workshop announcement');

  await editor.body.locator('a').click();
  await page.keyboard.press('Control+k');
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  await expect(editor.linkDialog).toBeHidden();
  await expect(editor.body.locator('a')).toHaveCount(0);
  await expect(editor.body).toHaveText(LINE);
  await expect(editor.body).toBeFocused();
});

test('the link popover closes with Escape and with a click elsewhere', async ({ app }) => {
  const { editor, page } = await selectedWords(app);
  await editor.addLink('https://www.socitm.net/workshop');

  // The caret in the link shows its address.
  await editor.body.locator('a').click();
  await expect(editor.linkDialog).toBeVisible();
  await expect(editor.linkDialog).toContainText('https://www.socitm.net/workshop');
  await page.keyboard.press('Escape');
  await expect(editor.linkDialog).toBeHidden();
  await expect(editor.body).toBeFocused();
  // The caret has not moved: typing goes on inside the link's words.
  await page.keyboard.type('s');
  await expect(editor.body.locator('a')).toContainText('s');
  await page.keyboard.press('Backspace');

  await editor.body.locator('a').click();
  await expect(editor.linkDialog).toBeVisible();
  // A click on the title, away from the body and the popover.
  await editor.title.click();
  await expect(editor.linkDialog).toBeHidden();

  // The editing form closes the same way.
  await editor.body.locator('a').click();
  await page.keyboard.press('Control+k');
  await expect(editor.linkDialog.getByRole('textbox', { name: 'Link address' })).toBeFocused();
  await editor.title.click();
  await expect(editor.linkDialog).toBeHidden();
  await expect(editor.body.locator('a')).toHaveAttribute('href', 'https://www.socitm.net/workshop');
});

/** Right-clicks the middle of the selected words, as a person does, and returns the body's menu. */
async function rightClickSelection(page: Page) {
  const box = await page.evaluate(() => {
    const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  });
  await page.mouse.click(box.x, box.y, { button: 'right' });
  const menu = page.getByRole('menu', { name: 'Edit' });
  await expect(menu.getByRole('menuitem', { name: 'Cut' })).toBeFocused();
  return menu;
}

test('the body’s right-click menu links the selected words, and cuts them', async ({ app }) => {
  const { editor, page } = await selectedWords(app);

  const menu = await rightClickSelection(page);
  await editor.press('ArrowDown', 'ArrowDown', 'ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Link…' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  const field = editor.linkDialog.getByRole('textbox', { name: 'Link address' });
  await expect(field).toBeFocused();
  await page.keyboard.type('https://www.socitm.net/workshop');
  await page.keyboard.press('Enter');
  await expect(editor.body.locator('a')).toHaveText('workshop announcement');
  await expect(editor.body).toBeFocused();

  await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Shift+Control+ArrowLeft');
  await expect
    .poll(() => page.evaluate(() => window.getSelection()?.toString()))
    .toBe('workshop announcement');
  await rightClickSelection(page);
  await page.keyboard.press('Enter');
  await expect(editor.body).toHaveText('Read the  today');
  await expect(editor.body).toBeFocused();
});
