import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

// Issue 14.11: switching section and coming back shows the draft that was open, with its text.

test('Ctrl+2 then Ctrl+1 comes back to the open draft', async ({ app }) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Where was I');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Half a sentence');
  await drafts.editor.waitUntilSaved();

  for (const away of ['Control+2', 'Control+4', 'Control+5']) {
    await page.keyboard.press(away);
    await expect(drafts.editor.title).toBeHidden();
    await page.keyboard.press('Control+1');
    await expect(drafts.editor.title).toHaveValue('Where was I');
    await expect(drafts.editor.body).toHaveText('Half a sentence');
    await expect(page.getByText('No draft open')).toHaveCount(0);
  }
});
