import { makePng } from '../support/png';
import { runCli } from '../support/cli';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { typeDateTime } from './support/typing';

interface ShownDraft {
  id: string;
  title: string;
  html: string;
}

/** The draft as saved on disk, read by the CLI over the same data folder. */
function savedDraft(dataDir: string, title: string): ShownDraft {
  const list = runCli(['drafts', 'list', '--json'], { dataDir }).json<{ id: string; title: string }[]>();
  const entry = list.find((draft) => draft.title === title);
  if (!entry) throw new Error(`no draft titled ${title}`);
  return runCli(['drafts', 'show', entry.id, '--json'], { dataDir }).json<ShownDraft>();
}

test('a post with a heading, a nested list, a link, a quote and a pasted image survives a restart', async ({
  app,
}) => {
  test.setTimeout(120_000); // a restart and two CLI runs on top of the typing
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Skills framework for web professionals');
  const editor = drafts.editor;

  await editor.focusEnd();
  await editor.type('## Works starts on skills framework');
  await editor.press('Enter');
  await editor.type('The workshop welcomes:');
  await editor.press('Enter');
  await editor.type('* programmers and coders');
  await editor.press('Enter', 'Tab');
  await editor.type('web designers');
  await editor.press('Enter', 'Shift+Tab');
  await editor.type('content managers');
  await editor.press('Enter', 'Enter');
  await editor.type('> Meeting web practitioners needs more than informal groups.');
  await editor.press('Enter');
  await editor.type('Read the announcement');
  await editor.press('Shift+Home');
  await editor.addLink('https://www.socitm.net/workshop');
  // The caret waits just after the new link, so Enter starts a new paragraph and keeps the text.
  await editor.press('Enter');
  await editor.paste({
    image: { name: 'workshop-room.png', type: 'image/png', base64: makePng(4).toString('base64') },
  });
  await expect(editor.body.locator('img')).toHaveAttribute(
    'src',
    /^\/drafts\/[a-z0-9-]+\/assets\/[a-z0-9-]+\.png$/,
  );
  await expect(editor.body.locator('img')).toHaveAttribute('alt', 'workshop room');
  // The image is served by the host from the draft's own folder.
  await expect
    .poll(() => editor.body.locator('img').evaluate((image: HTMLImageElement) => image.naturalWidth))
    .toBe(4);
  await editor.waitUntilSaved();

  await app.restart();
  const again = new DraftsPage(await app.open());
  await again.open();
  await again.openDraft('Skills framework for web professionals');
  const body = again.editor.body;
  await expect(body.locator('h2')).toHaveText('Works starts on skills framework');
  await expect(body.locator('ul > li').first()).toHaveText('programmers and coders');
  await expect(body.locator('ul ul li')).toHaveText('web designers');
  await expect(body.locator('blockquote')).toHaveText(
    'Meeting web practitioners needs more than informal groups.',
  );
  await expect(body.locator('a')).toHaveText('Read the announcement');
  await expect(body.locator('a')).toHaveAttribute('href', 'https://www.socitm.net/workshop');
  await expect(body.locator('img')).toHaveAttribute('alt', 'workshop room');

  const saved = savedDraft(app.dataDir, 'Skills framework for web professionals');
  expect(saved.html).toMatch(/<h2[^>]*>.*Works starts on skills framework.*<\/h2>/);
  expect(saved.html).toMatch(/<ul[^>]*>.*<li[^>]*>.*<ul[^>]*>.*web designers.*<\/ul>/s);
  expect(saved.html).toMatch(/<blockquote[^>]*>.*Meeting web practitioners.*<\/blockquote>/s);
  expect(saved.html).toMatch(
    /<a href="https:\/\/www\.socitm\.net\/workshop"[^>]*>.*Read the announcement.*<\/a>/s,
  );
  expect(saved.html).toMatch(/<img src="\/drafts\/[a-z0-9-]+\/assets\/[a-z0-9-]+\.png" alt="workshop room">/);
});

test('the HTML view shows the body as HTML, takes edits and keeps the structure', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Round trip');
  const editor = drafts.editor;
  await editor.focusEnd();
  await editor.type('### Learning Pool breakfast');
  await editor.press('Enter');
  await editor.type('1. Brighton');
  await editor.press('Enter', 'Tab');
  await editor.type('25 November');
  await editor.press('Enter', 'Shift+Tab');
  await editor.type('Barnsley');
  await editor.press('Enter', 'Enter');
  await editor.type('Visit our **events** page');
  const before = await editor.bodyHtml();

  await editor.openHtmlView();
  const source = await editor.htmlSource.inputValue();
  expect(source).toMatch(/<h3[^>]*>.*Learning Pool breakfast/);
  expect(source).toMatch(/<ol[^>]*>/);
  expect(source).toMatch(/<strong[^>]*>events<\/strong>/);
  // Switching back without edits gives the same body.
  await editor.closeHtmlView();
  expect(await editor.bodyHtml()).toBe(before);

  await editor.openHtmlView();
  await editor.htmlSource.click();
  await editor.press('Control+End', 'Enter');
  await editor.type(
    '<p>Added in <em>HTML</em> <a href="javascript:alert(1)">bad</a></p><!--more--><p>After the break</p>',
  );
  await editor.closeHtmlView();
  await expect(editor.body.locator('em')).toHaveText('HTML');
  await expect(editor.body.locator('a')).toHaveCount(0);
  await expect(editor.body.locator('.editor-more-break')).toHaveCount(1);
  await expect(editor.body.locator('ol ol li')).toHaveText('25 November');
  await editor.saveNow();

  const saved = savedDraft(app.dataDir, 'Round trip');
  expect(saved.html).toContain('<!--more-->');
  expect(saved.html).not.toContain('javascript:');
  expect(saved.html).toMatch(/<ol[^>]*>.*<ol[^>]*>.*25 November/s);
});

test('markdown shortcuts, toolbar formats and undo while typing', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Shortcuts');
  const editor = drafts.editor;
  await editor.focusEnd();
  await editor.type('Plain then **bold** and _italic_ and `code`');
  await expect(editor.body.locator('strong')).toHaveText('bold');
  await expect(editor.body.locator('em')).toHaveText('italic');
  await expect(editor.body.locator('code')).toHaveText('code');
  await editor.press('Enter');
  await editor.type('```');
  await editor.press('Enter');
  await editor.type('const answer = 42;');
  await expect(editor.body.locator('code').last()).toContainText('const answer = 42;');
  await editor.press('Control+z');
  await expect(editor.body).not.toContainText('const answer = 42;');
  await editor.press('Control+Shift+z');
  await expect(editor.body).toContainText('const answer');
  await expect(editor.wordCount).toContainText('words');
});

test('the post panel keeps tags, categories, slug, excerpt and date', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Panel');
  await drafts.editor.openPostPanel();
  const panel = drafts.editor.postPanel;
  // A comma ends a tag as Enter does.
  await panel.getByLabel('Tags').click();
  await drafts.editor.type('events, socitm');
  await drafts.editor.press('Enter');
  await expect(panel.getByRole('listitem')).toHaveText(['events×', 'socitm×']);
  await panel.getByRole('textbox', { name: 'Categories' }).click();
  await drafts.editor.type('Local government');
  await drafts.editor.press('Enter');
  await panel.getByLabel('Slug').click();
  await drafts.editor.type('skills-workshop');
  await panel.getByLabel('Excerpt').click();
  await drafts.editor.type('A workshop in London.');
  await typeDateTime(panel.getByLabel('Publish date'), '2009-11-27T10:00');
  // No blog yet: the panel offers to add one where the Blog choice will be.
  await expect(
    panel.getByRole('group', { name: 'Blog' }).getByRole('button', { name: 'Add a blog…' }),
  ).toBeVisible();
  await drafts.editor.saveNow();

  const saved = savedDraft(app.dataDir, 'Panel') as ShownDraft & Record<string, unknown>;
  expect(saved.tags).toEqual(['events', 'socitm']);
  expect(saved.categories).toEqual(['Local government']);
  expect(saved.slug).toBe('skills-workshop');
  expect(saved.excerpt).toBe('A workshop in London.');
  expect(new Date(saved.publishAt as string).getFullYear()).toBe(2009);
});

test('a link address that could run code is refused, with the reason read out with the field', async ({
  app,
}) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Careful links');
  const editor = drafts.editor;
  await editor.focusEnd();
  await editor.type('Click here');
  await editor.press('Shift+Home', 'Control+k');
  const dialog = editor.page.getByRole('dialog', { name: 'Link' });
  const field = dialog.getByRole('textbox', { name: 'Link address' });
  await expect(field).toBeFocused();
  await editor.type('javascript:alert(1)');
  await editor.press('Enter');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Use a web address/);
  await expect(editor.body.locator('a')).toHaveCount(0);
  // A good address then links the same text.
  await editor.press('Control+a');
  await editor.type('https://example.org/');
  await editor.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(editor.body.locator('a')).toHaveText('Click here');
});

test('a long title wraps onto more lines as it is typed, and Enter goes on into the body', async ({
  app,
}) => {
  const page = await app.open();
  await page.setViewportSize({ width: 1024, height: 700 });
  const drafts = new DraftsPage(page);
  await drafts.open();
  const title =
    'Works starts on skills framework for web professionals in the public sector, with a workshop in London';
  await drafts.newDraft('Works');
  const editor = drafts.editor;
  const oneLine = (await editor.title.boundingBox())!.height;
  await editor.title.pressSequentially(title.slice('Works'.length));
  await expect(editor.title).toHaveValue(title);
  // Every word shows: the field is as tall as its text, several lines of it.
  await expect
    .poll(() => editor.title.evaluate((field) => field.scrollHeight - field.clientHeight))
    .toBeLessThanOrEqual(0);
  expect((await editor.title.boundingBox())!.height).toBeGreaterThan(oneLine * 2);
  await expect(editor.body).toBeVisible();
  expect((await editor.body.boundingBox())!.y).toBeGreaterThanOrEqual(
    (await editor.title.boundingBox())!.y + (await editor.title.boundingBox())!.height,
  );

  await page.keyboard.press('Enter');
  await expect(editor.body).toBeFocused();
  await page.keyboard.type('Vicky, from Boilerhouse and Socitm, pops by.');
  await expect(editor.title).toHaveValue(title);
  await expect(editor.body).toHaveText('Vicky, from Boilerhouse and Socitm, pops by.');

  // The page narrows (the post panel opens, the window shrinks): the title grows again, never clips.
  const clipped = () => editor.title.evaluate((field) => field.scrollHeight - field.clientHeight);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await editor.waitUntilSaved();
  await drafts.open();
  await drafts.openDraft(title);
  await expect.poll(clipped).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect.poll(clipped).toBeLessThanOrEqual(0);
  await editor.openPostPanel();
  await expect.poll(clipped).toBeLessThanOrEqual(0);
});
