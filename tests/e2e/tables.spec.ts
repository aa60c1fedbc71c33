import { expect, test } from './support/fixtures';
import { saveScreenshot, VIEWPORTS } from './support/layout';
import { openNewDraft } from './support/new-draft';
import { savedHtml } from './support/saved-draft';

test('a table is inserted, typed into, grown and shrunk by keyboard and menu, and a pasted one keeps its grid', async ({
  app,
}, testInfo) => {
  test.setTimeout(90_000);
  const { page, editor } = await openNewDraft(app, 'Surgery times');
  await editor.type('Where to find your councillor:');
  await editor.press('Enter');

  await editor.chooseFromMenu('Insert', 'Table');
  const table = editor.body.locator('table').first();
  await expect(table.locator('tr')).toHaveCount(3);
  // The caret is in the first header cell; Tab moves along the row and on to the next.
  const cells = ['Day', 'Place', 'Time', 'Monday', 'Hove library', '10:00', 'Friday', 'Portslade', '18:30'];
  for (const [index, cell] of cells.entries()) {
    if (index > 0) await editor.press('Tab');
    await editor.type(cell);
  }
  // Ctrl+Alt+↓ adds a row below the cursor; ↓ goes into it, Ctrl+Alt+Backspace deletes it again.
  await editor.press('Control+Alt+ArrowDown');
  await expect(table.locator('tr')).toHaveCount(4);
  await editor.press('ArrowDown');
  await editor.press('Control+Alt+Backspace');
  await expect(table.locator('tr')).toHaveCount(3);

  // The Table menu is there while the cursor is in the table.
  await table.getByText('Portslade').click();
  await editor.chooseFromMenu('Table', /^Insert column right/);
  await expect(table.locator('tr').first().locator('th')).toHaveCount(4);
  await editor.press('Control+Alt+Shift+Backspace');
  await expect(table.locator('tr').first().locator('th')).toHaveCount(3);
  await expect(table.locator('th')).toHaveText(['Day', 'Place', 'Time']);
  await expect(table.locator('tr').nth(2).locator('td')).toHaveText(['Friday', 'Portslade', '18:30']);

  // Out of the table, the menu goes.
  await editor.focusEnd();
  await expect(editor.toolbar.getByRole('button', { name: 'Table' })).toBeHidden();
  await editor.type('Results by ward:');
  await editor.press('Enter');
  await editor.paste({
    html:
      '<meta charset="utf-8"><table style="border-collapse:collapse"><tbody>' +
      '<tr><td>Ward</td><td>Votes</td></tr><tr><td>Kemp Town</td><td>1204</td></tr></tbody></table>',
    text: 'Ward\tVotes\nKemp Town\t1204\n',
  });
  const pasted = editor.body.locator('table').nth(1);
  await expect(pasted.locator('tr')).toHaveCount(2);
  await expect(pasted.locator('td')).toHaveText(['Ward', 'Votes', 'Kemp Town', '1204']);
  await editor.saveNow();

  const html = savedHtml(app.dataDir, 'Surgery times');
  // The table took the place of the empty line it was inserted into.
  expect(html).toContain(
    '<p>Where to find your councillor:</p><table><thead><tr><th>Day</th><th>Place</th><th>Time</th></tr></thead><tbody><tr><td>Monday</td><td>Hove library</td><td>10:00</td></tr><tr><td>Friday</td><td>Portslade</td><td>18:30</td></tr></tbody></table>',
  );
  expect(html).toContain('<td>Kemp Town</td><td>1204</td>');

  await table.getByText('Hove library').click();
  for (const size of VIEWPORTS.slice(0, 3)) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'table');
  }
});
