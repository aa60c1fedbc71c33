import { runCli } from '../support/cli';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { SIZES, saveScreenshot } from './support/layout';

test('a revision shows what changed since, word by word, and restoring it can be undone', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  // Made by the CLI, so the editor's first save keeps the first revision.
  expect(runCli(['drafts', 'new', '--title', 'Harbour notes'], { dataDir: app.dataDir }).status).toBe(0);
  await app.restart();
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.openDraft('Harbour notes');
  await drafts.editor.focusEnd();
  await drafts.editor.type('The council meets on Tuesday.');
  await drafts.editor.saveNow();
  // The author changes the day: rubs out "Tuesday." and types the new one.
  await drafts.editor.focusEnd();
  for (let key = 0; key < 'Tuesday.'.length; key += 1) await drafts.editor.press('Backspace');
  await drafts.editor.type('Thursday at ten.');
  await expect(drafts.editor.body).toHaveText('The council meets on Thursday at ten.');
  await drafts.editor.saveNow();

  await page.keyboard.press('Control+Alt+h');
  const dialog = drafts.revisionsDialog();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('listitem').first().getByRole('button').click();
  await expect(dialog.getByRole('status')).toHaveText(/: 3 words added, 1 removed\.$/);
  const diff = dialog.getByTestId('word-diff');
  await expect(diff.locator('del')).toHaveText(['Tuesday']);
  await expect(diff.locator('ins')).toHaveText(['Thursday at ten']);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'revision-diff');
  }

  // The version itself, as a post, in a frame that runs nothing.
  await dialog.getByRole('button', { name: 'This version', exact: true }).click();
  const frame = dialog.locator('iframe[title="Version preview"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(frame.contentFrame().locator('.entry-content')).toHaveText('The council meets on Tuesday.');

  await dialog.getByRole('button', { name: 'Restore this version' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(drafts.editor.body).toHaveText('The council meets on Tuesday.');
  const toast = page.locator('.toast');
  await expect(toast).toContainText('Restored the version of');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(drafts.editor.body).toHaveText('The council meets on Thursday at ten.');
});

test('the preview shows the post as typed, in a frame that runs no script, and comes back after a reload', async ({
  app,
}, testInfo) => {
  const page = await app.open();
  await page.setViewportSize({ width: 1280, height: 800 });
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Low tide walk');
  await drafts.editor.focusEnd();
  await drafts.editor.type('We met at the pier and walked ');
  await drafts.editor.press('Control+b');
  await drafts.editor.type('two miles');
  await drafts.editor.press('Control+b');
  await drafts.editor.type(' along the sand.');
  // The browser host keeps the browser's own spell check (and its context menu) in the body.
  expect(await drafts.editor.body.evaluate((body: HTMLElement) => body.spellcheck)).toBe(true);

  await page.keyboard.press('Control+Alt+p');
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview).toBeVisible();
  const frame = preview.locator('iframe[title="Post preview"]');
  await expect(frame).toHaveAttribute('sandbox', '');
  const post = frame.contentFrame();
  await expect(post.locator('.entry-title')).toHaveText('Low tide walk');
  await expect(post.locator('.entry-content strong')).toHaveText('two miles');
  // Below 1440 px the preview takes the editor's place; the toolbar button brings the text back.
  await expect(drafts.editor.body).toBeHidden();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'preview');
  }
  // Wide enough for both: side by side, and typing shows in the preview as it goes.
  await expect(drafts.editor.body).toBeVisible();
  await drafts.editor.focusEnd();
  await drafts.editor.type(' The gulls followed.');
  await expect(post.locator('.entry-content')).toContainText('The gulls followed.');
  expect(
    await frame.evaluate((element: HTMLIFrameElement) => element.sandbox.contains('allow-scripts')),
  ).toBe(false);

  // The last draft and the open preview come back after a reload.
  await drafts.editor.waitUntilSaved();
  await page.reload();
  await drafts.shell.waitUntilReady();
  await expect(drafts.editor.title).toHaveValue('Low tide walk');
  await expect(preview).toBeVisible();
  await expect(post.locator('.entry-content')).toContainText('The gulls followed.');
  await page.keyboard.press('Control+Alt+p');
  await expect(preview).toBeHidden();
});
