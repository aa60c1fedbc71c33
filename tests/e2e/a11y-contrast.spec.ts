import { runCli } from '../support/cli';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { textContrast } from './support/contrast';
import { expect, test } from './support/fixtures';
import { saveScreenshot } from './support/layout';

// Issue 14.8: the small grey text a person reads to tell rows apart (a draft's snippet and date, a
// link's address and site) is at least 4.5:1 against its row, selected, hovered or not, in both themes.

function cli(dataDir: string, ...args: string[]) {
  const result = runCli(args, { dataDir });
  expect(result.status, result.stderr).toBe(0);
}

for (const theme of ['light', 'dark'] as const) {
  test(`small text on draft and inbox rows is at least 4.5:1 in the ${theme} theme`, async ({
    app,
  }, testInfo) => {
    cli(
      app.dataDir,
      'inbox',
      'add',
      'http://127.0.0.1:9/allotment/waiting-list',
      '--title',
      'Allotment list',
    );
    cli(app.dataDir, 'inbox', 'add', 'http://127.0.0.1:9/beach-clean', '--title', 'Beach clean');
    cli(app.dataDir, 'settings', 'theme', theme);
    await app.restart();
    const page = await app.open();
    await page.setViewportSize({ width: 1280, height: 800 });
    const drafts = new DraftsPage(page);
    await drafts.open();
    await drafts.newDraft('Harvest supper');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Bring a dish to share.');
    await drafts.editor.waitUntilSaved();
    await drafts.newDraft('Other');

    const measured: Record<string, number> = {};
    for (const name of ['Harvest supper', 'Other']) {
      const row = drafts.row(name);
      await expect(row.locator('.draft-row__snippet')).toBeVisible();
      measured[`${name} snippet`] = await textContrast(row.locator('.draft-row__snippet'));
      measured[`${name} date`] = await textContrast(row.locator('.draft-row__meta'));
    }
    // The first words let the pointer through to the row's button: hover the row by its title.
    await drafts.row('Harvest supper').locator('.draft-row__title').hover();
    measured['hovered snippet'] = await textContrast(
      drafts.row('Harvest supper').locator('.draft-row__snippet'),
    );

    const inbox = new InboxPage(page);
    await inbox.open();
    const rows = inbox.list.getByRole('listitem');
    await expect(rows).toHaveCount(2);
    await rows.first().locator('.link-row__main').click();
    for (const [index, which] of ['selected', 'other'].entries()) {
      measured[`${which} link address`] = await textContrast(rows.nth(index).locator('.link-row__url'));
      measured[`${which} link site`] = await textContrast(rows.nth(index).locator('.link-row__host'));
    }
    await rows.nth(1).locator('.link-row__title').hover();
    measured['hovered link address'] = await textContrast(rows.nth(1).locator('.link-row__url'));
    await saveScreenshot(page, testInfo, `inbox-${theme}`);

    testInfo.annotations.push({ type: 'contrast', description: JSON.stringify(measured) });
    for (const [what, ratio] of Object.entries(measured))
      expect(ratio, `${what}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
  });
}
