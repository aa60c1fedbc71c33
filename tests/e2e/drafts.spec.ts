import { runCli } from '../support/cli';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

test('the list starts empty with a hint, and a new draft appears at the top', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await expect(drafts.emptyMessage()).toContainText('No drafts yet');
  await drafts.newDraft('First light');
  await drafts.editor.focusEnd();
  await drafts.editor.type('Morning notes.');
  await drafts.editor.waitUntilSaved();
  await expect(drafts.row('First light')).toBeVisible();
  await expect(drafts.row('First light')).toContainText('Draft');

  await drafts.newDraft('Second light');
  await drafts.editor.waitUntilSaved();
  await expect(drafts.list().getByRole('listitem').first()).toContainText('Second light');
});

test('search finds a draft by a word of its body as you type', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Learning Pool breakfast');
  await drafts.editor.focusEnd();
  await drafts.editor.type('Speakers include Tracey Hughes from Brighton and Hove council.');
  await drafts.editor.waitUntilSaved();
  await drafts.newDraft('Leaving the Asylum');
  await drafts.editor.focusEnd();
  await drafts.editor.type('John is giving his blog a break.');
  await drafts.editor.waitUntilSaved();

  await drafts.searchFor('hove');
  await expect(drafts.row('Learning Pool breakfast')).toBeVisible();
  await expect(drafts.row('Leaving the Asylum')).toHaveCount(0);
  await drafts.searchFor('zeppelin');
  await expect(drafts.emptyMessage()).toContainText('No drafts match “zeppelin”');
  await drafts.searchFor('');
  await expect(drafts.row('Leaving the Asylum')).toBeVisible();
});

test('a draft moved to the trash can be restored, and the trash emptied', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Keep me');
  await drafts.editor.waitUntilSaved();
  await drafts.newDraft('Bin me');
  await drafts.editor.focusEnd();
  await drafts.editor.type('Short-lived.');
  await drafts.editor.waitUntilSaved();

  await drafts.act('Bin me', 'Move to trash');
  await expect(drafts.row('Bin me')).toHaveCount(0);
  await drafts.showTrash();
  await expect(drafts.row('Bin me')).toBeVisible();
  await drafts.act('Bin me', 'Restore');
  await expect(drafts.row('Bin me')).toHaveCount(0);
  await expect(drafts.emptyMessage()).toContainText('The trash is empty');
  await drafts.showDrafts();
  await drafts.openDraft('Bin me');
  await expect(drafts.editor.body).toContainText('Short-lived.');

  await drafts.act('Keep me', 'Move to trash');
  await drafts.showTrash();
  await drafts.panel.getByRole('button', { name: 'Empty trash' }).click();
  await drafts.panel
    .getByRole('group', { name: 'Confirm emptying the trash' })
    .getByRole('button', { name: 'Empty trash' })
    .click();
  await expect(drafts.emptyMessage()).toContainText('The trash is empty');
});

test('the context menu works from the keyboard and duplicates a draft', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Original');
  await drafts.editor.focusEnd();
  await drafts.editor.type('Same words.');
  await drafts.editor.waitUntilSaved();

  await drafts.row('Original').locator('.draft-row__open').focus();
  await drafts.page.keyboard.press('Shift+F10');
  const menu = drafts.page.getByRole('menu');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await drafts.page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Move to trash' })).toBeFocused();
  await drafts.page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);

  await drafts.act('Original', 'Duplicate');
  await expect(drafts.list().getByRole('listitem')).toHaveCount(2);
  await expect(drafts.editor.body).toContainText('Same words.');
});

test('export downloads the draft as HTML and as Markdown', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Exported');
  await drafts.editor.focusEnd();
  await drafts.editor.type('## Section');
  await drafts.editor.press('Enter');
  await drafts.editor.type('Some **strong** words.');
  await drafts.editor.waitUntilSaved();

  for (const [action, pattern] of [
    ['Export as HTML', /<h2[^>]*>Section<\/h2>/],
    ['Export as Markdown', /## Section[\s\S]*\*\*strong\*\*/],
  ] as const) {
    const download = drafts.page.waitForEvent('download');
    await drafts.act('Exported', action);
    const file = await download;
    const stream = await file.createReadStream();
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    expect(text).toMatch(pattern);
  }
});

test('a revision can be restored', async ({ app }) => {
  test.setTimeout(120_000); // a CLI run and a restart on top of the editing
  // Made by the CLI, so the draft has no revision yet: the editor's first save keeps one,
  // and later saves within the minute do not.
  expect(runCli(['drafts', 'new', '--title', 'Versions'], { dataDir: app.dataDir }).status).toBe(0);
  await app.restart();
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.openDraft('Versions');
  await drafts.editor.focusEnd();
  await drafts.editor.type('The first version.');
  await drafts.editor.saveNow();
  await drafts.editor.type(' Then more words that came later.');
  await drafts.editor.saveNow();

  await drafts.act('Versions', 'Revisions…');
  const dialog = drafts.revisionsDialog();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await expect(dialog.getByRole('listitem')).toContainText('3 words');
  await dialog.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(drafts.editor.body).toHaveText('The first version.');

  // The version it replaced was kept first, so nothing is lost.
  await drafts.act('Versions', 'Revisions…');
  await expect(drafts.revisionsDialog().getByRole('listitem').first()).toContainText('9 words');
});

test('drafts made and deleted from the terminal show in the open app when the author comes back to it', async ({
  app,
}) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Written in the app');
  await drafts.editor.waitUntilSaved();

  const cli = (...args: string[]) => runCli(['drafts', ...args, '--json'], { dataDir: app.dataDir });
  expect(cli('new', '--title', 'Written in the terminal').status).toBe(0);
  const mine = cli('list')
    .json<{ id: string; title: string }[]>()
    .find((d) => d.title === 'Written in the app')!;
  expect(cli('delete', mine.id).status).toBe(0);

  // Switching back to the window, as from a terminal. The app asks at most every two seconds, so a
  // focus the browser gave the page on its own a moment ago may hold this one back: come back again.
  await expect(async () => {
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect(drafts.row('Written in the terminal')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(drafts.row('Written in the app')).toHaveCount(0);
  await drafts.showTrash();
  await expect(drafts.row('Written in the app')).toBeVisible();
});

test('with Postwright stopped, the app says it lost the connection and never claims there are no drafts', async ({
  app,
  hostKind,
}) => {
  test.skip(
    hostKind === 'electron',
    'the desktop app talks to its core in-process; that connection cannot drop',
  );
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('First light');
  await drafts.editor.focusEnd();
  await drafts.editor.type('Morning notes.');
  await drafts.editor.waitUntilSaved();
  await expect(drafts.row('First light')).toBeVisible();

  await app.host().stop();
  const lost = 'Lost the connection to Postwright, reconnecting…';
  await expect(drafts.shell.statusBar.getByTestId('connection-state')).toHaveText(lost);
  // Another section and back: the list cannot be read, and says why instead of looking empty.
  await drafts.shell.open('Inbox');
  await drafts.shell.open('Drafts');
  await expect(drafts.panel.getByRole('alert')).toHaveText(lost);
  await expect(drafts.emptyMessage()).toBeHidden();
  await expect(drafts.panel).not.toContainText('No drafts yet');
});
