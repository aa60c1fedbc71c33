import type { Locator, Page } from '@playwright/test';
import { runCli } from '../support/cli';
import { CalendarPage } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';

// Lists move with the keyboard: arrows, Enter opens, Delete sends to the trash (with Undo, and
// Ctrl+Z while the message shows), typing the first letters jumps. Seeded through the CLI.

function cli(dataDir: string, ...args: string[]) {
  const result = runCli(args, { dataDir });
  expect(result.status, result.stderr).toBe(0);
}

/** The focused row's text: what a person reads where the focus ring is. */
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

async function expectFocusOn(page: Page, row: Locator, text: string) {
  await expect(row).toBeFocused();
  expect(await focusedText(page)).toContain(text);
}

test('the drafts list: arrows, type-ahead, Enter opens, Delete trashes and Ctrl+Z brings it back', async ({
  app,
}) => {
  for (const title of ['Apple harvest', 'Blackberry jam', 'Cherry blossom', 'Crab apples'])
    cli(app.dataDir, 'drafts', 'new', '--title', title);
  await app.restart();
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  const open = (title: string) => drafts.row(title).locator('.draft-row__open');
  await expect(drafts.list().getByRole('listitem')).toHaveCount(4);

  // Tab reaches the list once; the newest draft is first.
  await drafts.search.click();
  await page.keyboard.press('Tab');
  await expectFocusOn(page, open('Crab apples'), 'Crab apples');
  await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, open('Cherry blossom'), 'Cherry blossom');
  await page.keyboard.press('End');
  await expectFocusOn(page, open('Apple harvest'), 'Apple harvest');
  // Typing jumps to the next title starting with what was typed; a move starts a new word.
  await page.keyboard.type('b');
  await expectFocusOn(page, open('Blackberry jam'), 'Blackberry jam');
  await page.keyboard.press('ArrowUp');
  await expectFocusOn(page, open('Cherry blossom'), 'Cherry blossom');
  await page.keyboard.type('cr');
  await expectFocusOn(page, open('Crab apples'), 'Crab apples');

  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(drafts.editor.title).toHaveValue('Cherry blossom');

  // Delete on a row: gone from the list, a message with Undo; Ctrl+Z while it shows undoes it.
  await open('Blackberry jam').focus();
  await page.keyboard.press('Delete');
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Moved “Blackberry jam” to the trash.');
  await expect(drafts.row('Blackberry jam')).toHaveCount(0);
  // The focus stays in the list, on the row that moved up into the place.
  await expect(drafts.list().locator(':focus')).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(toast).toBeHidden();
  await expect(drafts.row('Blackberry jam')).toBeVisible();
  await drafts.showTrash();
  await expect(drafts.emptyMessage()).toContainText('The trash is empty');
});

test('the inbox and the agenda move with the same keys; Delete deletes with Undo', async ({ app }) => {
  for (const [url, title] of [
    ['http://127.0.0.1:9/allotment', 'Allotment waiting list'],
    ['http://127.0.0.1:9/bus', 'Bus timetable changes'],
    ['http://127.0.0.1:9/library', 'Library opening hours'],
  ] as const)
    cli(app.dataDir, 'inbox', 'add', url, '--title', title);
  for (const [title, start] of [
    ['Council meeting', '2031-03-02T18:00'],
    ['Beach clean', '2031-04-12T10:00'],
  ] as const)
    cli(
      app.dataDir,
      'events',
      'add',
      '--title',
      title,
      '--start',
      start,
      '--end',
      start.replace(/T\d\d/, 'T20'),
    );
  await app.restart();
  const page = await app.open();

  const inbox = new InboxPage(page);
  await inbox.open();
  const link = (url: string) => inbox.row(url).locator('.link-row__main');
  await expect(inbox.list.getByRole('listitem')).toHaveCount(3);
  await link('http://127.0.0.1:9/library').click();
  await page.keyboard.press('Home');
  const first = inbox.list.getByRole('listitem').first().locator('.link-row__main');
  await expect(first).toBeFocused();
  await page.keyboard.type('bus');
  await expect(link('http://127.0.0.1:9/bus')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('complementary', { name: 'Link details' })).toContainText('127.0.0.1:9/bus');
  await link('http://127.0.0.1:9/bus').focus();
  await page.keyboard.press('Delete');
  await expect(inbox.toast).toContainText('Deleted “Bus timetable changes”.');
  await expect(inbox.row('http://127.0.0.1:9/bus')).toHaveCount(0);
  await inbox.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(inbox.row('http://127.0.0.1:9/bus')).toBeVisible();

  const calendar = new CalendarPage(page);
  await calendar.open();
  await calendar.showAgenda();
  const event = (title: string) => page.locator('.agenda__item', { hasText: title });
  await event('Council meeting').click();
  await expect(calendar.panel).toBeVisible();
  await event('Council meeting').focus();
  await page.keyboard.press('ArrowDown');
  await expect(event('Beach clean')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(calendar.toast).toContainText('Deleted “Beach clean”.');
  await expect(event('Beach clean')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(event('Beach clean')).toBeVisible();
});
