import { CalendarPage } from './pages/CalendarPage';
import { CommandsPage } from './pages/CommandsPage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/layout';

// Every command from one catalogue, reached from the keyboard: the palette (Ctrl+Shift+P) and the
// shortcut help (Ctrl+/), in the browser host, whose keys differ where the browser keeps its own.

test('the palette finds a command as it is typed, shows its keys, runs it, and lists it first next time', async ({
  app,
}, testInfo) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  const commands = new CommandsPage(page);
  await drafts.open();

  await commands.openPalette();
  await commands.typeInPalette('new dra');
  await expect(commands.chosen()).toContainText('New Draft');
  // The browser keeps Ctrl+N for itself: the browser host shows the key that works there.
  await expect(commands.chosen().locator('kbd')).toHaveText('Ctrl+Alt+N');
  await page.keyboard.press('Enter');
  await expect(commands.palette).toBeHidden();
  await expect(drafts.editor.title).toBeFocused();
  await drafts.editor.setTitle('Chosen from the palette');
  await drafts.editor.waitUntilSaved();

  // Fuzzy: letters in order, not necessarily together.
  await commands.openPalette();
  await expect(commands.options.first()).toContainText('New Draft');
  await expect(commands.options.first()).toContainText('recently used');
  await commands.typeInPalette('gocal');
  await expect(commands.chosen()).toContainText('Go to Calendar');
  for (const width of [1024, 1280, 1920]) {
    await page.setViewportSize({ width, height: { 1024: 700, 1280: 800, 1920: 1080 }[width]! });
    await saveScreenshot(page, testInfo, 'palette');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();

  // Arrows choose, Escape closes and gives the focus back.
  await new CalendarPage(page).newEventButton.focus();
  await commands.openPalette();
  await commands.typeInPalette('zzzz');
  await expect(commands.palette).toContainText('No command matches. Try fewer letters.');
  await page.keyboard.press('Escape');
  await expect(commands.palette).toBeHidden();
  await expect(new CalendarPage(page).newEventButton).toBeFocused();

  // What was used last comes back after a reload (ui-state.json).
  await page.reload();
  await new DraftsPage(page).shell.waitUntilReady();
  await commands.openPalette();
  await expect(commands.options.nth(0)).toContainText('Go to Calendar');
  await expect(commands.options.nth(1)).toContainText('New Draft');
});

test('the shortcut help lists every shortcut by group and finds one by name or key', async ({
  app,
}, testInfo) => {
  const page = await app.open();
  const commands = new CommandsPage(page);
  await new DraftsPage(page).open();

  await commands.openHelp();
  for (const group of ['File', 'Edit', 'View', 'Post', 'Go', 'Help', 'Editor', 'Lists'])
    await expect(commands.help.getByRole('region', { name: group, exact: true })).toBeVisible();
  await expect(commands.helpRow('Command Palette…')).toContainText('Ctrl+Shift+P');
  await expect(commands.helpRow('Move the Chosen Item to the Trash')).toContainText('Delete');
  // New Draft is Ctrl+Alt+N here, and the help says what it is in the desktop app.
  await expect(commands.helpRow('New Draft')).toContainText('Ctrl+Alt+N');
  await expect(commands.helpRow('New Draft')).toContainText('desktop app: Ctrl+N');
  for (const width of [1024, 1280, 1920]) {
    await page.setViewportSize({ width, height: { 1024: 700, 1280: 800, 1920: 1080 }[width]! });
    await saveScreenshot(page, testInfo, 'shortcut-help');
  }

  await commands.helpSearch.pressSequentially('publish');
  await expect(commands.helpRow('Publish')).toContainText('Ctrl+Enter');
  await expect(commands.help.getByRole('rowheader')).toHaveCount(1);
  await commands.helpSearch.press('Control+a');
  await commands.helpSearch.pressSequentially('nothing like this');
  await expect(commands.help).toContainText('No shortcut matches “nothing like this”.');
  await page.keyboard.press('Escape');
  await expect(commands.help).toBeHidden();
});
