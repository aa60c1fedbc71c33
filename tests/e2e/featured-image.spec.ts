import { runCli } from '../support/cli';
import { makePng } from '../support/png';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { saveScreenshot, SIZES } from './support/layout';

const LAPTOP = { width: 1280, height: 800 };

/** The draft's featured image as saved on disk, read by the CLI over the same data folder. */
function savedFeatured(dataDir: string, title: string): string | null | undefined {
  const list = runCli(['drafts', 'list', '--json'], { dataDir }).json<{ id: string; title: string }[]>();
  const id = list.find((draft) => draft.title === title)!.id;
  return runCli(['drafts', 'show', id, '--json'], { dataDir }).json<{ featuredImage?: string | null }>()
    .featuredImage;
}

test('the featured image is chosen from the draft’s images or a new file by keyboard, shown as a thumbnail in the panel and the list, and removed', async ({
  app,
}, testInfo) => {
  test.setTimeout(90_000);
  const page = await app.open();
  await page.setViewportSize(LAPTOP);
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('The harbour at dawn');
  const { editor } = drafts;
  await editor.focusEnd();
  await editor.type('Fishing boats came in early this morning.');
  await editor.press('Enter');
  await editor.paste({
    image: { name: 'harbour.png', type: 'image/png', base64: makePng(300, [40, 90, 140]).toString('base64') },
  });
  await expect(editor.body.getByTestId('editor-image').locator('img')).toHaveAttribute('src', /\/assets\//);
  await editor.body.getByTestId('editor-image').locator('img').click();
  const layout = page.getByRole('group', { name: 'Image settings' });
  await editor.press('Enter');
  await page.keyboard.press('Control+a');
  await layout.getByRole('textbox', { name: 'Alt text' }).pressSequentially('Boats at the harbour wall');
  await layout.getByRole('button', { name: 'Done' }).press('Enter');

  await editor.openPostPanel();
  const panel = editor.postPanel;
  const choice = panel.getByRole('combobox', { name: 'Featured image' });
  await expect(choice.locator('option:checked')).toHaveText('None');
  const thumbnail = panel.getByRole('img', { name: 'The featured image' });
  await expect(thumbnail).toBeHidden();

  // The body's image is offered by its alt text; the arrow key picks it.
  await choice.focus();
  await page.keyboard.press('ArrowDown');
  await expect(choice.locator('option:checked')).toHaveText('Boats at the harbour wall');
  await expect(thumbnail).toBeVisible();
  await expect(thumbnail).toHaveJSProperty('complete', true);
  expect(await thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(300);
  await thumbnail.scrollIntoViewIfNeeded();
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await editor.openPostPanel();
    await saveScreenshot(page, testInfo, 'featured-panel');
  }
  await page.setViewportSize(LAPTOP);
  await editor.saveNow();
  expect(savedFeatured(app.dataDir, 'The harbour at dawn')).toMatch(/^\/drafts\/[^/]+\/assets\/harbour/);

  // The drafts list shows it beside the title.
  const rowThumb = drafts.row('The harbour at dawn').locator('img.draft-row__thumb');
  await expect(rowThumb).toBeVisible();
  expect(await rowThumb.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(300);
  await saveScreenshot(page, testInfo, 'featured-list');

  // A new file, from the file picker the button opens.
  const remove = panel.getByRole('button', { name: 'Remove featured image' });
  const chooseFile = panel.getByRole('button', { name: 'Choose a file…' });
  await chooseFile.focus();
  const [picker] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Enter')]);
  await picker.setFiles({ name: 'pier.png', mimeType: 'image/png', buffer: makePng(120, [200, 120, 40]) });
  await expect(choice.locator('option:checked')).toHaveText('Added file');
  await expect.poll(() => thumbnail.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(120);

  // Remove, by keyboard: the thumbnail goes, and the draft says it was removed.
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(thumbnail).toBeHidden();
  await expect(choice.locator('option:checked')).toHaveText('None');
  await editor.saveNow();
  expect(savedFeatured(app.dataDir, 'The harbour at dawn')).toBeNull();
  await expect(rowThumb).toBeHidden();
});
