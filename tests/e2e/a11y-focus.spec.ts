import type { Locator, Page } from '@playwright/test';
import { runCli } from '../support/cli';
import { CalendarPage, EventsInPostPanel } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';

// Issue 14, item 2 and 3: after every action the focus lands somewhere a person can carry on from
// (the result, the next field, or the control that opened a panel), never on the page itself.

function cli(dataDir: string, ...args: string[]) {
  const result = runCli(args, { dataDir });
  expect(result.status, result.stderr).toBe(0);
}

async function expectFocusNotLost(page: Page) {
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 });

test('section shortcuts, Build digest and ← Inbox leave the focus on the new screen', async ({ app }) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Focus');
  await page.keyboard.press('Enter');
  await expect(drafts.editor.body).toBeFocused();

  await page.keyboard.press('Control+2');
  await expect(heading(page, 'Inbox')).toBeFocused();
  await page.getByRole('button', { name: 'Build digest' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Build digest')).toBeFocused();
  await page.getByRole('button', { name: '← Inbox' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Inbox')).toBeFocused();
  await page.keyboard.press('Control+4');
  await expect(heading(page, 'Calendar')).toBeFocused();
  await page.keyboard.press('Control+1');
  await expectFocusNotLost(page);
});

test('link details take the focus, close on Escape and give it back to the row', async ({ app }) => {
  cli(app.dataDir, 'inbox', 'add', 'https://example.com/one');
  await app.restart();
  const page = await app.open();
  const inbox = new InboxPage(page);
  await inbox.open();
  const rowButton = inbox.row('https://example.com/one').getByRole('button').first();
  await rowButton.focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('complementary', { name: 'Link details' });
  await expect(details).toBeVisible();
  await expect(details.getByRole('textbox', { name: 'Title' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
  await expect(rowButton).toBeFocused();
});

test('the event editor takes the focus; Escape, Cancel and Save give it back to New event', async ({
  app,
}) => {
  const page = await app.open();
  const calendar = new CalendarPage(page);
  await calendar.shell.waitUntilReady();
  await calendar.open();
  for (const close of ['Escape', 'Cancel', 'Save'] as const) {
    await calendar.newEventButton.focus();
    await page.keyboard.press('Enter');
    await expect(calendar.field('Title')).toBeFocused();
    if (close === 'Escape') await page.keyboard.press('Escape');
    else {
      if (close === 'Save') await page.keyboard.type('Harvest supper');
      await calendar.panel.getByRole('button', { name: close }).focus();
      await page.keyboard.press('Enter');
    }
    await expect(calendar.panel).toBeHidden();
    await expect(calendar.newEventButton).toBeFocused();
  }
});

test('Undo in a toast, Revisions closed, Add to calendar and Cancel keep the focus on the page', async ({
  app,
}) => {
  cli(app.dataDir, 'drafts', 'new', '--title', 'Plums');
  cli(app.dataDir, 'drafts', 'new', '--title', 'Pears');
  await app.restart();
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();

  // Delete a row, then Undo from the toast: the focus stays in the section.
  const open = (title: string): Locator => drafts.row(title).locator('.draft-row__open');
  await open('Pears').focus();
  await page.keyboard.press('Delete');
  const undo = page.locator('.toast').getByRole('button', { name: 'Undo' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await expect(drafts.row('Pears')).toBeVisible();
  await expectFocusNotLost(page);

  // Revisions from the row's menu: Escape closes it, and the focus is back on the menu's button.
  await drafts.openDraft('Plums');
  await drafts.editor.focusEnd();
  await page.keyboard.type(' are ripe.');
  await drafts.editor.saveNow();
  const actions = drafts.row('Plums').getByRole('button', { name: 'Actions for Plums' });
  await actions.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Revisions…' }).focus();
  await page.keyboard.press('Enter');
  await expect(drafts.revisionsDialog()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drafts.revisionsDialog()).toBeHidden();
  await expect(actions).toBeFocused();

  // A date in the post: Add to calendar opens its form in the title; Cancel goes back to the button.
  await drafts.editor.focusEnd();
  await page.keyboard.type(' Picking on 27 November 2030 from 10.00-12.00.');
  const item = new EventsInPostPanel(page).item('27 November 2030');
  await expect(item).toBeVisible();
  const add = item.getByRole('button', { name: 'Add to calendar' });
  await add.focus();
  await page.keyboard.press('Enter');
  const form = item.getByRole('form', { name: 'Add to calendar' });
  await expect(form.getByLabel('Title', { exact: true })).toBeFocused();
  await form.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  await form.getByRole('button', { name: 'Save to calendar' }).focus();
  await page.keyboard.press('Enter');
  await expect(item).toContainText('In the calendar');
  await expect(item.getByRole('button', { name: 'Insert event block' })).toBeFocused();
});

test('Create draft in the digest leaves the focus on the digest, and says where the draft went', async ({
  app,
}) => {
  cli(app.dataDir, 'inbox', 'add', 'https://example.com/harvest', '--title', 'Harvest supper');
  const page = await app.open();
  const inbox = new InboxPage(page);
  await inbox.open();
  await page.getByRole('button', { name: 'Build digest' }).focus();
  await page.keyboard.press('Enter');
  await expect(heading(page, 'Build digest')).toBeFocused();
  const create = page.getByRole('button', { name: 'Create draft' });
  await expect(create).toBeEnabled();
  await create.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('announcer')).toContainText('created with 1 links');
  // Its links are used now, so the button is disabled: the focus goes to the screen's heading.
  await expect(create).toBeDisabled();
  await expect(heading(page, 'Build digest')).toBeFocused();
});
