import { runCli } from '../support/cli';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import {
  FORBIDDEN_ELEMENTS,
  HOSTILE_SNIPPETS,
  UNSAFE_TARGET,
  findDanger,
  findDangerInMarkup,
} from './support/hostile-html';

const CHUNKS = 4;
const perChunk = Math.ceil(HOSTILE_SNIPPETS.length / CHUNKS);

test('there are at least 50 hostile snippets', () => {
  expect(HOSTILE_SNIPPETS.length).toBeGreaterThanOrEqual(50);
});

for (let chunk = 0; chunk < CHUNKS; chunk++) {
  const snippets = HOSTILE_SNIPPETS.slice(chunk * perChunk, (chunk + 1) * perChunk);
  test(`hostile HTML pasted into a draft runs nothing and is saved clean (${chunk + 1}/${CHUNKS})`, async ({
    app,
  }) => {
    const page = await app.open();
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const drafts = new DraftsPage(page);
    await drafts.open();
    const title = `Hostile paste ${chunk + 1}`;
    await drafts.newDraft(title);
    const editor = drafts.editor;
    await editor.focusEnd();
    const scriptsBefore = await page.locator('script').count();

    for (const [name, html] of snippets) {
      await editor.paste({ html, text: `plain fallback for ${name}` });
      await editor.press('End', 'Enter');
      const danger = await editor.body.evaluate(findDanger, {
        elements: FORBIDDEN_ELEMENTS.source,
        target: UNSAFE_TARGET.source,
      });
      expect(danger, `after pasting ${name}`).toEqual([]);
    }
    // The harmless parts of the pastes arrive.
    await expect(editor.body).not.toBeEmpty();
    await editor.saveNow();

    const list = runCli(['drafts', 'list', '--json'], { dataDir: app.dataDir }).json<
      { id: string; title: string }[]
    >();
    const id = list.find((entry) => entry.title === title)!.id;
    const saved = runCli(['drafts', 'show', id, '--json'], { dataDir: app.dataDir }).json<{
      html: string;
      editorState: string;
    }>();
    const savedDanger = await page.evaluate(findDangerInMarkup, [
      saved.html,
      { elements: FORBIDDEN_ELEMENTS.source, target: UNSAFE_TARGET.source },
    ] as const);
    expect(savedDanger).toEqual([]);
    expect(saved.html).not.toMatch(/javascript:|vbscript:|<script|onerror|onload|srcdoc/i);
    expect(saved.editorState).not.toMatch(/javascript:|vbscript:|data:text|<script|onerror|onload|srcdoc/i);

    expect(await page.locator('script').count()).toBe(scriptsBefore);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
  });
}

test('Shift+paste inserts plain text, and a good link keeps its address', async ({ app }) => {
  const drafts = new DraftsPage(await app.open());
  await drafts.open();
  await drafts.newDraft('Plain paste');
  const editor = drafts.editor;
  await editor.focusEnd();
  await editor.paste({ html: '<h2>Styled <b>heading</b></h2>', text: 'Styled heading' });
  await expect(editor.body.locator('h2')).toHaveText('Styled heading');
  await editor.press('End', 'Enter');
  await drafts.page.keyboard.down('Shift');
  await editor.paste({ html: '<h3>Not <b>this</b></h3>', text: 'Just the words' });
  await drafts.page.keyboard.up('Shift');
  await expect(editor.body.locator('h3')).toHaveCount(0);
  await expect(editor.body).toContainText('Just the words');
  await editor.press('End', 'Enter');
  await editor.paste({
    html: '<p style="color:red;font-family:Comic Sans"><span style="font-weight:700">Word</span> <a href="https://example.com/ok">link</a></p>',
    text: 'Word link',
  });
  await expect(editor.body.locator('strong, b').last()).toHaveText('Word');
  await expect(editor.body.locator('a')).toHaveAttribute('href', 'https://example.com/ok');
  expect(await editor.body.locator('[style*="color"], [style*="font-family"]').count()).toBe(0);
});
