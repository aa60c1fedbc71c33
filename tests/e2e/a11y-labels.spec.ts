import { runCli } from '../support/cli';
import { CalendarPage } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

// Issue 14.10: a calendar day is read with its full date and how many events it has; the shortcut
// the app shows for New draft is one the browser leaves to the page, and it works there.

test('arrow keys through the month read each day’s full date and event count', async ({ app }) => {
  const added = runCli(
    ['events', 'add', '--title', 'Beach clean', '--start', '2031-04-12T10:00', '--end', '2031-04-12T12:00'],
    { dataDir: app.dataDir },
  );
  expect(added.status, added.stderr).toBe(0);
  await app.restart();
  const page = await app.open();
  const calendar = new CalendarPage(page);
  await calendar.open();
  await calendar.goToMonth('2031-04', 'April 2031');
  await calendar.day('2031-04-10').focus();
  await expect(calendar.day('2031-04-10')).toHaveAccessibleName('Thursday 10 April 2031');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const twelfth = calendar.day('2031-04-12');
  await expect(twelfth).toBeFocused();
  await expect(twelfth).toHaveAccessibleName('Saturday 12 April 2031, 1 event');
  await page.keyboard.press('ArrowDown');
  await expect(calendar.day('2031-04-19')).toBeFocused();
  await expect(calendar.day('2031-04-19')).toHaveAccessibleName('Saturday 19 April 2031');
});

test('New draft shows the shortcut that works in the browser host, and the shortcut makes a draft', async ({
  app,
}) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  const shown = page.getByRole('button', { name: /^New draft/ }).last();
  await expect(shown).toHaveText('New draft (Ctrl+Alt+N)');
  await page.keyboard.press('Control+Alt+n');
  await expect(drafts.editor.title).toBeFocused();
  await drafts.editor.title.pressSequentially('By the keys');
  await expect(drafts.row('By the keys')).toBeVisible();
});
