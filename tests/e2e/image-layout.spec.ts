import { makePng } from '../support/png';
import { expect, test } from './support/fixtures';
import { saveScreenshot, VIEWPORTS } from './support/layout';
import { openNewDraft } from './support/new-draft';
import { savedHtml } from './support/saved-draft';

test('an image gets alt text, a caption, an alignment and a size from its panel, by keyboard', async ({
  app,
}, testInfo) => {
  test.setTimeout(90_000);
  const { page, editor } = await openNewDraft(app, 'The harbour at dawn');
  await editor.type('Fishing boats came in early this morning.');
  await editor.press('Enter');
  await editor.paste({
    image: { name: 'harbour.png', type: 'image/png', base64: makePng(900).toString('base64') },
  });
  const image = editor.body.getByTestId('editor-image');
  await expect(image.locator('img')).toHaveAttribute('src', /\/assets\//);
  await editor.press('Enter');
  await editor.type('The catch was sold by nine.');

  // A click selects the image and shows its panel; Enter goes into it.
  await image.locator('img').click();
  const panel = page.getByRole('group', { name: 'Image settings' });
  await expect(panel).toBeVisible();
  await editor.press('Enter');
  const alt = panel.getByRole('textbox', { name: 'Alt text' });
  await expect(alt).toBeFocused();
  await page.keyboard.press('Control+a');
  await alt.pressSequentially('Three fishing boats at the harbour wall');
  await page.keyboard.press('Tab');
  await panel.getByRole('textbox', { name: 'Caption' }).pressSequentially('Shoreham, 6 a.m.');
  await page.keyboard.press('Tab');
  await panel.getByRole('combobox', { name: 'Alignment' }).selectOption('Centre');
  await panel.getByRole('combobox', { name: 'Size' }).selectOption({ label: 'Medium (640 px)' });
  await expect(image.getByText('Shoreham, 6 a.m.')).toBeVisible();
  for (const size of VIEWPORTS.slice(0, 3)) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'image-panel');
  }
  await panel.getByRole('button', { name: 'Done' }).click();
  await expect(panel).toBeHidden();
  await expect(editor.body).toBeFocused();
  await editor.saveNow();

  expect(savedHtml(app.dataDir, 'The harbour at dawn')).toMatch(
    /<figure class="wp-caption aligncenter"><img src="\/drafts\/[^"]+" alt="Three fishing boats at the harbour wall" width="640" class="size-medium"><figcaption class="wp-caption-text">Shoreham, 6 a\.m\.<\/figcaption><\/figure>/,
  );
});
