import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { saveScreenshot, SIZES } from './support/layout';

// Issue 14.5: Text style, Insert and Table are menu buttons. An arrow key on the closed button opens
// the menu and nothing else; arrows only move; Enter chooses; Escape closes and gives focus back.

test('Text style and Insert open on the keyboard and act only on Enter; Escape returns to the button', async ({
  app,
}, testInfo) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Menus');
  await page.keyboard.press('Enter');
  const { editor } = drafts;
  await expect(editor.body).toBeFocused();
  await page.keyboard.type('A plain line');

  // ArrowDown on the closed Text style opens its menu on the style in force; the line is untouched.
  const style = editor.toolbar.getByRole('button', { name: /^Text style/ });
  await expect(style).toHaveAccessibleName('Text style: Paragraph');
  await expect(style).toHaveAttribute('aria-haspopup', 'menu');
  await style.focus();
  await page.keyboard.press('ArrowDown');
  const styles = page.getByRole('menu', { name: /^Text style/ });
  await expect(styles.getByRole('menuitemradio', { name: 'Paragraph' })).toBeFocused();
  await expect(styles.getByRole('menuitemradio', { name: 'Paragraph' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(style).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(styles.getByRole('menuitemradio', { name: 'Heading 3' })).toBeFocused();
  await expect(editor.body.locator('h2, h3')).toHaveCount(0);
  // Escape: the menu closes, nothing changed, the focus is back on the button.
  await page.keyboard.press('Escape');
  await expect(styles).toBeHidden();
  await expect(style).toBeFocused();
  await expect(style).toHaveAttribute('aria-expanded', 'false');
  await expect(editor.body.locator('h2, h3')).toHaveCount(0);

  // Enter opens, arrows move, Enter chooses: the line becomes a heading, the caret is back in the body.
  await page.keyboard.press('Enter');
  await expect(styles.getByRole('menuitemradio', { name: 'Paragraph' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(styles.getByRole('menuitemradio', { name: 'Heading 2' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(styles).toBeHidden();
  await expect(editor.body.locator('h2')).toHaveText('A plain line');
  await expect(editor.body).toBeFocused();
  await expect(style).toHaveAccessibleName('Text style: Heading 2');

  // ArrowUp on the closed Insert opens on its last item; no file chooser, nothing inserted.
  await editor.caretToEnd();
  await page.keyboard.press('Enter');
  const insert = editor.toolbar.getByRole('button', { name: 'Insert' });
  await insert.focus();
  let chooser = false;
  page.once('filechooser', () => (chooser = true));
  await page.keyboard.press('ArrowDown');
  const inserts = page.getByRole('menu', { name: 'Insert' });
  await expect(inserts.getByRole('menuitem', { name: 'Image…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(insert).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(inserts.getByRole('menuitem', { name: /^More break/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(inserts.getByRole('menuitem', { name: 'Horizontal rule' })).toBeFocused();
  await expect(editor.body.locator('hr')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(inserts).toBeHidden();
  await expect(editor.body.locator('hr')).toHaveCount(1);
  await expect(editor.body).toBeFocused();
  expect(chooser).toBe(false);

  // Tab out of an open menu closes it; the toolbar is still one Tab stop with the menu buttons in it.
  await insert.focus();
  await page.keyboard.press('Space');
  await expect(inserts).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(inserts).toBeHidden();
  await expect(insert).toBeFocused();

  // The open menu as it looks, the focused item ringed.
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.keyboard.press('ArrowDown');
    await expect(inserts).toBeVisible();
    await saveScreenshot(page, testInfo, 'insert-menu');
    await page.keyboard.press('Escape');
  }
});
