import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { runCli, runCliAsync } from '../support/cli';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test, type AppUnderTest } from './support/fixtures';
import { SIZES, saveScreenshot } from './support/layout';

/** `postwright drafts …` in a terminal beside the open app, on the same data folder. */
function terminal(app: AppUnderTest) {
  const folder = mkdtempSync(join(tmpdir(), 'postwright-terminal-'));
  const cli = (...args: string[]) => runCli(['drafts', ...args, '--json'], { dataDir: app.dataDir });
  const bodyFile = (markdown: string) => {
    writeFileSync(join(folder, 'body.md'), markdown);
    return join(folder, 'body.md');
  };
  return {
    idOf: (title: string) =>
      cli('list')
        .json<{ id: string; title: string }[]>()
        .find((d) => d.title === title)!.id,
    /** `drafts edit ID --md FILE`: the body replaced from a Markdown file. */
    editBody(id: string, markdown: string) {
      const result = cli('edit', id, '--md', bodyFile(markdown));
      expect(result.status, result.stderr).toBe(0);
    },
    /** The same, run while the author goes on (`meanwhile`); answers what `meanwhile` answers. */
    async editBodyWhile<T>(id: string, markdown: string, meanwhile: () => Promise<T>): Promise<T> {
      const running = runCliAsync(['drafts', 'edit', id, '--md', bodyFile(markdown)], {
        dataDir: app.dataDir,
      });
      const answer = await meanwhile();
      const edit = await running;
      expect(edit.status, edit.stderr).toBe(0);
      return answer;
    },
    bodyOf: (id: string) => cli('show', id).json<{ html: string }>().html,
    close: () => rmSync(folder, { recursive: true, force: true }),
  };
}

const WORDS = 'Bring a coat and boots and a hat for the wind on the pier'.split(' ');

/**
 * Types word after word, as an author who has not looked up, until `shown` appears. Each key keeps
 * the edits unsaved a little longer, so a change from the terminal meets unsaved edits whenever it
 * lands (and a save over it is refused). Answers what was typed.
 */
async function typeUntil(page: Page, shown: Locator): Promise<string> {
  let typed = '';
  for (let count = 0; count < 80; count++) {
    const word = ` ${WORDS[count % WORDS.length]!}`;
    await page.keyboard.type(word, { delay: 40 });
    typed += word;
    if (await shown.isVisible()) return typed;
  }
  throw new Error('The prompt did not appear while the author typed.');
}

/** The author writes a short draft in the app and it is saved. */
async function writeFerryTimes(page: Page): Promise<DraftsPage> {
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Ferry times');
  await drafts.editor.focusEnd();
  await drafts.editor.type('The ferry leaves at nine.');
  await drafts.editor.waitUntilSaved();
  return drafts;
}

test('a draft changed from the terminal while open, with nothing unsaved, shows the new version at once', async ({
  app,
}) => {
  const shell = terminal(app);
  try {
    const page = await app.open();
    const drafts = await writeFerryTimes(page);

    shell.editBody(shell.idOf('Ferry times'), 'The ferry leaves at **ten**.');
    // Coming back to the window from the terminal.
    await expect(async () => {
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await expect(drafts.editor.body).toHaveText('The ferry leaves at ten.', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(drafts.editor.body.locator('strong')).toHaveText('ten');
    await expect(page.locator('.toast')).toContainText('changed outside this window');
    await expect(page.getByRole('alertdialog', { name: 'Changed elsewhere' })).toHaveCount(0);
  } finally {
    shell.close();
  }
});

test('a draft changed from the terminal under unsaved edits: see the difference, keep mine, or take theirs', async ({
  app,
}, testInfo) => {
  const shell = terminal(app);
  try {
    const page = await app.open();
    await page.setViewportSize({ width: 1280, height: 800 });
    const drafts = await writeFerryTimes(page);
    const id = shell.idOf('Ferry times');

    // The terminal changes the draft while the author goes on typing.
    const prompt = page.getByRole('alertdialog', { name: 'Changed elsewhere' });
    const mine = await shell.editBodyWhile(id, 'The ferry leaves at ten.', () => typeUntil(page, prompt));
    await expect(prompt).toContainText('Nothing is saved until you choose.');
    await expect(drafts.editor.body).toHaveText(`The ferry leaves at nine.${mine}`);
    expect(shell.bodyOf(id)).toBe('<p>The ferry leaves at ten.</p>');
    await page.setViewportSize({ width: 1280, height: 800 });
    await saveScreenshot(page, testInfo, 'changed-elsewhere-prompt');

    // See the difference: their version against mine, word by word. (The prompt's buttons are
    // clicked: Tab in the body indents, so they cannot be reached with Tab from there.)
    await prompt.getByRole('button', { name: 'See the difference' }).click();
    const versions = page.getByRole('dialog', { name: 'The two versions' });
    await expect(versions).toBeVisible();
    const diff = versions.getByTestId('word-diff');
    await expect(diff.locator('del')).toHaveText(['ten']);
    await expect(diff.locator('ins').first()).toHaveText('nine');
    await expect(diff.locator('ins').last()).toContainText(mine.trim());
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await saveScreenshot(page, testInfo, 'changed-elsewhere-difference');
    }
    await page.keyboard.press('Escape');
    await expect(versions).toHaveCount(0);
    await expect(prompt).toBeVisible();

    // Keep mine: my words are saved over theirs.
    await prompt.getByRole('button', { name: 'Keep mine' }).click();
    await expect(prompt).toHaveCount(0);
    await drafts.editor.waitUntilSaved();
    expect(shell.bodyOf(id)).toBe(`<p>The ferry leaves at nine.${mine}</p>`);

    // Again, and this time take theirs: the editor shows their version, and nothing of mine is saved.
    await drafts.editor.focusEnd();
    await shell.editBodyWhile(id, 'The ferry is cancelled.', () => typeUntil(page, prompt));
    await prompt.getByRole('button', { name: 'Take theirs' }).click();
    await expect(prompt).toHaveCount(0);
    await expect(drafts.editor.body).toHaveText('The ferry is cancelled.');
    await drafts.editor.waitUntilSaved();
    expect(shell.bodyOf(id)).toBe('<p>The ferry is cancelled.</p>');
  } finally {
    shell.close();
  }
});
