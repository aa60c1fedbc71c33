import { runCli } from '../support/cli';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { seriousAxeFindings } from './support/axe';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/layout';

// Issue 14.9: what a toast says is read through the window's one live region, with the key that
// reaches its action; F6 takes the focus to the action and back; a toast in use does not leave.

test('a toast is announced with its key, F6 reaches its Undo, and it stays while focused', async ({
  app,
}) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Keep me');
  await drafts.newDraft('Bin me');
  const announcer = page.getByTestId('announcer');
  const keep = drafts.row('Keep me').getByRole('button', { name: /^Keep me/ });

  await drafts.act('Bin me', 'Move to trash');
  await expect(announcer).toHaveText('Moved “Bin me” to the trash. F6 reaches Undo.');
  // The toast is not a live region of its own (inserted with its text, it is often not read).
  const toast = page.locator('.toast');
  await expect(toast).not.toHaveAttribute('role', 'status');
  await keep.focus();
  await page.keyboard.press('F6');
  const undo = toast.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeFocused();
  // Longer than the toast's time on screen: with the focus in it, it stays.
  await page.waitForTimeout(9_500);
  await expect(undo).toBeFocused();
  // F6 again goes back to where the author was; the toast then leaves on its own.
  await page.keyboard.press('F6');
  await expect(keep).toBeFocused();
  await expect(toast).toBeHidden({ timeout: 12_000 });

  // Again, with Enter on Undo: the draft is back and the focus returns to the list.
  await drafts.act('Keep me', 'Move to trash');
  await expect(announcer).toHaveText('Moved “Keep me” to the trash. F6 reaches Undo.');
  await page.keyboard.press('F6');
  await expect(page.locator('.toast').getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drafts.row('Keep me')).toBeVisible();
  await expect(toast).toBeHidden();
});

test('a link typed into the inbox is announced as added', async ({ app }) => {
  const page = await app.open();
  const inbox = new InboxPage(page);
  await inbox.open();
  await inbox.add('http://127.0.0.1:9/allotment/waiting-list');
  await expect(page.getByTestId('announcer')).toHaveText('Added the link to the inbox.');
  await expect(inbox.list.getByRole('listitem')).toHaveCount(1);
});

test('draft and link rows are named by title, date and status; the first words or the address describe them', async ({
  app,
}, testInfo) => {
  const added = runCli(
    ['inbox', 'add', 'http://127.0.0.1:9/allotment/waiting-list', '--title', 'Allotment list'],
    { dataDir: app.dataDir },
  );
  expect(added.status, added.stderr).toBe(0);
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Harvest supper');
  await page.keyboard.press('Enter');
  await page.keyboard.type(
    'Bring a dish to share, and a chair if you have one to spare for the long evening in the barn.',
  );
  await drafts.editor.waitUntilSaved();
  const row = drafts.row('Harvest supper').locator('.draft-row__open');
  await expect(row).toHaveAccessibleName(/^Harvest supper \S.* \d+ words Draft$/);
  await expect(row).toHaveAccessibleDescription(/^Bring a dish to share/);
  const name = (await row.evaluate((button) => button.textContent)) ?? '';
  expect(name).not.toContain('Bring');
  expect(name.length).toBeLessThanOrEqual(50);
  // The first words are still there to see, on the row.
  await expect(drafts.row('Harvest supper').getByText(/^Bring a dish to share/)).toBeVisible();
  // The name holds all the button's visible text (WCAG 2.5.3; an experimental axe rule, run by name).
  expect(await seriousAxeFindings(page, ['label-content-name-mismatch'])).toEqual([]);
  // Its focus ring takes in the whole row, first words included (a screenshot to look at).
  await row.focus();
  await saveScreenshot(page, testInfo, 'draft-row-focused');

  const inbox = new InboxPage(page);
  await inbox.open();
  const titled = inbox.row('http://127.0.0.1:9/allotment/waiting-list').locator('.link-row__main');
  await expect(titled).toHaveAccessibleName(/^Allotment list 127\.0\.0\.1:9 \w+ \d+, \d{4}$/);
  await expect(titled).toHaveAccessibleDescription('http://127.0.0.1:9/allotment/waiting-list');
  // A link with no title yet is named by its address once, and needs no description.
  await inbox.add('http://127.0.0.1:9/beach-clean');
  const untitled = inbox.row('http://127.0.0.1:9/beach-clean').locator('.link-row__main');
  await expect(untitled).toHaveAccessibleName(
    /^http:\/\/127\.0\.0\.1:9\/beach-clean 127\.0\.0\.1:9 \w+ \d+, \d{4}$/,
  );
  await expect(untitled).toHaveAccessibleDescription('');
  expect(await seriousAxeFindings(page, ['label-content-name-mismatch'])).toEqual([]);
  await titled.focus();
  await saveScreenshot(page, testInfo, 'link-row-focused');
});
