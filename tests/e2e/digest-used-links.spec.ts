import { runCliAsync } from '../support/cli';
import { InboxPage } from './pages/InboxPage';
import { expectNoSidewaysScroll, saveScreenshot, VIEWPORTS } from './support/layout';
import { expect, test } from './support/fixtures';

// Issue 20: "links already used in a published digest are marked and not used again unless chosen".
// The seed's times are UTC, which is also the author's local time; the host inherits this.
process.env.TZ = 'UTC';

const FIXTURE = 'tests/fixtures/digest-2009-11-05';

test('links a digest used are marked, left out of the next one, and come back only when the author asks', async ({
  app,
}, testInfo) => {
  const imported = await runCliAsync(['inbox', 'import', `${FIXTURE}/bookmarks.html`], {
    dataDir: app.dataDir,
    env: { TZ: 'UTC' },
  });
  expect(imported.status, imported.stderr).toBe(0);
  const page = await app.open();
  const inbox = new InboxPage(page);
  await inbox.open();
  await expect(inbox.count).toHaveText('5 links');
  await expect(inbox.list.getByText('In a digest')).toHaveCount(0);

  await inbox.openDigest('2009-11-05', '2009-11-08');
  await expect(inbox.digestRows()).toHaveCount(5);
  await expect(inbox.digestRows().filter({ hasText: 'in a digest already' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Create draft' }).press('Enter');
  await expect(inbox.toast).toContainText('created with 5 links');

  // The same days again: nothing left to use.
  await expect(inbox.digestRows()).toHaveCount(0);
  await expect(page.getByText('No unused links were added in this range.')).toBeVisible();
  const again = page.getByRole('checkbox', { name: 'Links already in a digest' });
  await expect(again).not.toBeChecked();
  await again.press('Space');
  await expect(again).toBeChecked();
  await expect(inbox.digestRows()).toHaveCount(5);
  await expect(inbox.digestRows().filter({ hasText: 'in a digest already' })).toHaveCount(5);
  for (const size of VIEWPORTS.slice(0, 3)) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, testInfo, 'digest-used-links');
  }
  await again.press('Space');
  await expect(inbox.digestRows()).toHaveCount(0);

  // Back in the inbox, each used link carries its mark.
  await page.getByRole('button', { name: '← Inbox' }).press('Enter');
  await expect(inbox.count).toHaveText('5 links');
  await expect(inbox.list.getByText('In a digest')).toHaveCount(5);
});
