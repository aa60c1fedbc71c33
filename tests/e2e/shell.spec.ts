import { AppShell } from './pages/AppShell';
import { SettingsPage } from './pages/SettingsPage';
import { expect, test } from './support/fixtures';
import { retype } from './support/typing';

test('the app opens with the sidebar and a connected status bar', async ({ app }) => {
  const shell = new AppShell(await app.open());
  await shell.waitUntilReady();
  for (const label of ['Drafts', 'Inbox', 'Calendar', 'Blogs', 'Settings'])
    await expect(shell.section(label)).toBeVisible();
  await expect(shell.statusBar).toContainText('Online');
});

test('the sidebar navigates by mouse, arrow keys and shortcuts', async ({ app }) => {
  const page = await app.open();
  const shell = new AppShell(page);
  await shell.waitUntilReady();
  await shell.open('Calendar');
  await expect(shell.heading()).toHaveText('Calendar');

  await shell.section('Calendar').focus();
  await page.keyboard.press('ArrowDown');
  await expect(shell.section('Blogs')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(shell.heading()).toHaveText('Blogs');

  await page.keyboard.press('Control+2');
  await expect(shell.section('Inbox')).toHaveAttribute('aria-current', 'page');
});

test('a setting survives a restart of the host', async ({ app }) => {
  const page = await app.open();
  const settings = new SettingsPage(page);
  await settings.shell.waitUntilReady();
  await settings.open();
  await settings.chooseTheme('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await app.restart();
  const again = new SettingsPage(await app.open());
  await again.shell.waitUntilReady();
  await expect(again.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await again.open();
  await expect(again.theme).toHaveValue('dark');
});

test('the status bar shows when the connection to the host is lost', async ({ app, hostKind }) => {
  test.skip(hostKind === 'electron', 'the desktop app has no connection to lose');
  const page = await app.open();
  const shell = new AppShell(page);
  await shell.waitUntilReady();
  await app.host().stop();
  await expect(shell.statusBar.getByTestId('connection-state')).toHaveText(
    'Lost the connection to Postwright, reconnecting…',
  );
});

test('two digest templates cannot quietly share a name: the Name field says why', async ({ app }) => {
  const settings = new SettingsPage(await app.open());
  await settings.shell.waitUntilReady();
  await settings.open();
  await settings.templates.getByRole('button', { name: 'Duplicate' }).click();
  const name = settings.templateField('Name');
  await expect(name).toHaveValue('Bookmarks copy');
  await expect(name).toHaveAttribute('aria-invalid', 'false');

  await retype(name, 'Bookmarks');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Two templates share this name; give each its own.');
  await retype(name, 'Weekly links');
  await expect(name).not.toHaveAccessibleDescription(/share this name/);
});

test('a section whose code cannot be fetched says so in words, and opens when tried again', async ({
  app,
  hostKind,
}) => {
  test.skip(hostKind === 'electron', 'the desktop app reads its code from disk, not from a host');
  const context = (await app.open()).context();
  // The inbox's code is fetched when first shown (or once the app is idle): here the host drops it.
  const inboxCode = '**/assets/InboxView-*.js';
  await context.route(inboxCode, (route) => route.abort('connectionrefused'));
  const page = await app.open();
  const shell = new AppShell(page);
  await shell.waitUntilReady();

  await page.keyboard.press('Control+2');
  const failed = page.getByRole('alert').filter({ hasText: 'Could not load the inbox' });
  await expect(failed).toHaveText(/Check that it is still running, then try again\./);
  await expect(shell.section('Drafts')).toBeVisible();

  await context.unroute(inboxCode);
  await failed.getByRole('button', { name: 'Try again' }).click();
  await expect(shell.heading()).toHaveText('Inbox');
  await expect(failed).toBeHidden();
});
