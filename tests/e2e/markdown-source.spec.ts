import type { Route } from '@playwright/test';
import { runCli } from '../support/cli';
import { PNG } from '../support/micropub-server/png';
import { DraftsPage } from './pages/DraftsPage';
import { SettingsPage } from './pages/SettingsPage';
import { expect, test } from './support/fixtures';
import { saveScreenshot, VIEWPORTS } from './support/layout';
import { savedHtml } from './support/saved-draft';

test('a post is written in Markdown and rich text by turns, by keyboard, without losing a character', async ({
  app,
}, testInfo) => {
  test.setTimeout(120_000);
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Weekly links');
  const editor = drafts.editor;

  // Rich text first, with an underline Markdown has no way to say.
  await editor.focusEnd();
  await editor.type('## This week');
  await editor.press('Enter');
  await editor.type('Links from the **web** team.');
  await editor.press('Enter');
  await editor.press('Control+u');
  await editor.type('Read first');
  await editor.press('Control+u');
  await editor.type(': the skills framework.');
  // The caret goes back to the second block, which the Markdown view opens on.
  await editor.body.getByText('Links from the').click();

  await editor.toggleMarkdownView();
  await expect(editor.body).toBeHidden();
  expect(await editor.markdownText()).toBe(
    '## This week\n\nLinks from the **web** team.\n\n<u>Read first</u>: the skills framework.\n',
  );
  await expect(editor.markdownSource.getByRole('note')).toHaveText(
    'Markdown has no underline: kept as HTML.',
  );
  await editor.type('Hello. ');
  await expect(editor.markdownSource.locator('.cm-line').nth(2)).toHaveText(
    'Hello. Links from the **web** team.',
  );

  // The rest in Markdown: a task list, a strikethrough, the "more" break and an event.
  // The text ends with a line break: the last line is empty.
  await editor.press('Control+End', 'Enter');
  await editor.type('- [ ] write the intro');
  await editor.press('Enter');
  await editor.type('ask Ann for photos');
  // Enter on an empty item ends the list; one more leaves the blank line before the paragraph.
  await editor.press('Enter', 'Enter', 'Enter');
  await editor.type('The ~~old~~ new address.');
  await editor.press('Enter', 'Enter');
  await editor.type('<!--more-->');
  await editor.press('Enter', 'Enter');
  await editor.type('```event');
  await editor.press('Enter');
  await editor.type('title: Learning Pool breakfast');
  await editor.press('Enter');
  await editor.type('start: 2009-11-25 09:30 +00:00');
  await editor.press('Enter');
  await editor.type('location: Brighton');
  await editor.press('Enter');
  await editor.type('```');
  await editor.press('Enter');
  const written = await editor.markdownText();
  expect(written).toContain('- [ ] write the intro\n- [ ] ask Ann for photos');
  for (const size of VIEWPORTS.slice(0, 3)) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'markdown-source');
  }

  // Rich text again: the caret is in the block it was in (the event), every construct is there.
  await editor.toggleMarkdownView();
  await expect(editor.body.locator('h2, h3').first()).toHaveText('This week');
  await expect(editor.body.locator('strong').first()).toHaveText('web');
  await expect(editor.body.locator('.editor-text--underline')).toHaveText('Read first');
  await expect(editor.body.locator('.editor-text--strike')).toHaveText('old');
  await expect(editor.body.getByRole('checkbox')).toHaveCount(2);
  await expect(editor.body.locator('.editor-more-break')).toHaveCount(1);
  await expect(editor.body.getByText('Learning Pool breakfast')).toBeVisible();
  await expect(editor.body.getByText('Hello. Links from the')).toBeVisible();

  // And back to Markdown: the very same text.
  await editor.toggleMarkdownView();
  expect(await editor.markdownText()).toBe(written);
  await editor.toggleMarkdownView();
  await editor.saveNow();

  const html = savedHtml(app.dataDir, 'Weekly links');
  expect(html).toContain('<s>old</s>');
  expect(html).toContain('<!--more-->');
  expect(html).toContain('<u>Read first</u>');
  expect(html).toContain('class="h-event"');

  // The CLI's Markdown export is the text the app showed, under the title.
  const list = runCli(['drafts', 'list', '--json'], { dataDir: app.dataDir }).json<
    { id: string; title: string }[]
  >();
  const id = list.find((draft) => draft.title === 'Weekly links')!.id;
  const exported = runCli(['drafts', 'export', id, '--format', 'md'], { dataDir: app.dataDir }).stdout;
  expect(exported).toBe(`# Weekly links\n\n${written}`);
});

test('with Markdown chosen in the settings, a new draft is written in Markdown and opens in it again', async ({
  app,
}) => {
  test.setTimeout(90_000);
  const page = await app.open();
  const settings = new SettingsPage(page);
  await settings.open();
  await settings.markdownDrafts.focus();
  await page.keyboard.press('Space');
  await expect(settings.markdownDrafts).toBeChecked();

  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Meeting report');
  const editor = drafts.editor;
  await expect(editor.markdownSource).toBeVisible();
  await editor.press('Enter');
  await expect(editor.markdownSource).toBeFocused();
  await editor.type('# Present');
  await editor.press('Enter', 'Enter');
  await editor.type('- Ann');
  await editor.press('Enter');
  await editor.type('Bob');
  await editor.saveNow();

  // Another draft, then this one again: it opens in its Markdown, as it was left.
  await drafts.newDraft('Something else');
  await expect(editor.markdownSource).toBeVisible();
  await editor.toggleMarkdownView();
  await editor.saveNow();
  await drafts.openDraft('Meeting report');
  await expect(editor.markdownSource).toBeVisible();
  expect(await editor.markdownText()).toBe('# Present\n\n- Ann\n- Bob\n');
  await drafts.openDraft('Something else');
  await expect(editor.body).toBeVisible();

  const list = runCli(['drafts', 'list', '--json'], { dataDir: app.dataDir }).json<
    { id: string; title: string }[]
  >();
  const id = list.find((draft) => draft.title === 'Meeting report')!.id;
  const shown = runCli(['drafts', 'show', id, '--json'], { dataDir: app.dataDir }).json<{
    html: string;
    markdown?: boolean;
  }>();
  expect(shown.markdown).toBe(true);
  expect(shown.html).toMatch(/<h1[^>]*>Present<\/h1>.*<li[^>]*>Bob<\/li>/s);
});

test('saving in the middle of a Markdown list keeps the caret where the author is typing', async ({
  app,
}) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Plan');
  const editor = drafts.editor;
  await editor.focusEnd();
  await editor.toggleMarkdownView();
  await editor.type('# Today');
  await editor.press('Enter', 'Enter');
  await editor.type('- write the intro');
  // Saving puts the Markdown into the rich body first (as a pause in typing does): the caret stays.
  await editor.saveNow();
  await editor.press('Enter');
  await editor.type('ask Ann');
  expect(await editor.markdownText()).toBe('# Today\n\n- write the intro\n- ask Ann');

  // A pause, long enough for the autosave to take the new item, and the next one follows it.
  await editor.press('Enter');
  await editor.type('book the room');
  await expect.poll(() => savedHtml(app.dataDir, 'Plan')).toContain('book the room');
  await editor.press('Enter');
  await editor.type('call Bob');
  expect(await editor.markdownText()).toBe(
    '# Today\n\n- write the intro\n- ask Ann\n- book the room\n- call Bob',
  );
});

test('an image still on its way when the Markdown view opens goes into the Markdown, at its caret', async ({
  app,
}) => {
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Harvest');
  const editor = drafts.editor;
  await editor.focusEnd();
  await editor.type('Before the photo.');
  // The copy into the draft is held (a slow disk or a large photo) until the Markdown view is open.
  let held: Route | null = null;
  await page.route('**/drafts/*/assets*', (route) => {
    held = route;
  });
  const chooser = page.waitForEvent('filechooser');
  await editor.chooseFromMenu(/^Insert/, 'Image…');
  await (await chooser).setFiles({ name: 'harvest-table.png', mimeType: 'image/png', buffer: PNG });
  await expect.poll(() => held !== null).toBe(true);
  await editor.toggleMarkdownView();
  await editor.press('Control+End');
  await editor.type(' After.');
  await held!.continue();

  // It shows where the author is writing, not in the hidden rich text, where typing would drop it.
  await expect.poll(() => editor.markdownText()).toMatch(/After\.!\[harvest table\]\(\S+\)$/m);
  await editor.type(' The end.');
  await editor.toggleMarkdownView();
  await expect(editor.body.locator('img')).toHaveCount(1);
  await expect(editor.body.locator('img')).toHaveAttribute('alt', 'harvest table');
  await expect(editor.body).toContainText('Before the photo. After. The end.');
});
