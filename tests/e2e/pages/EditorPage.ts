import { expect, type Locator, type Page } from '@playwright/test';

/** The open draft: title, body, toolbar, HTML view, post panel and save state. */
export class EditorPage {
  readonly title: Locator;
  readonly body: Locator;
  readonly toolbar: Locator;
  readonly saveState: Locator;
  readonly htmlSource: Locator;
  /** The Markdown source editor (CodeMirror's content). */
  readonly markdownSource: Locator;
  readonly wordCount: Locator;
  readonly postPanel: Locator;
  /** Publish (or Update) in the footer, and what it says about the last publish. */
  readonly publishButton: Locator;
  readonly publishStatus: Locator;
  /** Shown once a published draft has edits the blog has not been sent. */
  readonly changedMark: Locator;
  /** The floating link box: the address under the caret, or the field to type one. */
  readonly linkDialog: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByRole('textbox', { name: 'Title' });
    this.body = page.getByRole('textbox', { name: 'Body' });
    this.toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    this.saveState = page.getByTestId('save-state');
    this.htmlSource = page.getByRole('textbox', { name: 'HTML source' });
    this.markdownSource = page.getByRole('textbox', { name: 'Markdown source' });
    this.wordCount = page.getByTestId('word-count');
    this.postPanel = page.getByRole('complementary', { name: 'Post settings' });
    this.linkDialog = page.getByRole('dialog', { name: 'Link' });
    this.publishButton = page.getByRole('button', { name: /^(Publish|Update)$/ });
    this.publishStatus = page.locator('.publish__status');
    this.changedMark = page.getByTestId('changed-since-published');
  }

  async waitUntilOpen() {
    await expect(this.body).toBeVisible();
  }

  /** The post panel opens by default only on wide windows. */
  async openPostPanel() {
    if (!(await this.postPanel.isVisible()))
      await this.page.getByRole('button', { name: 'Show post settings' }).click();
    await expect(this.postPanel).toBeVisible();
  }

  /** Types the title into the focused title field, a key at a time. */
  async setTitle(title: string) {
    await this.title.pressSequentially(title);
    await expect(this.title).toHaveValue(title);
  }

  /** A toolbar menu button (Text style, Insert, Table) opened with Enter and an item chosen with Enter. */
  async chooseFromMenu(menu: string | RegExp, item: string | RegExp) {
    await this.toolbar.getByRole('button', { name: menu }).focus();
    await this.page.keyboard.press('Enter');
    const items = this.page.getByRole('menu', { name: menu });
    const wanted = items.getByRole(/Text style/.test(String(menu)) ? 'menuitemradio' : 'menuitem', {
      name: item,
    });
    await expect(items).toBeVisible();
    for (let step = 0; step < 12 && !(await wanted.evaluate((el) => el === document.activeElement)); step++)
      await this.page.keyboard.press('ArrowDown');
    await expect(wanted).toBeFocused();
    await this.page.keyboard.press('Enter');
    await expect(items).toBeHidden();
  }

  /** Puts the caret at the end of the body. */
  async focusEnd() {
    await this.body.click();
    await this.caretToEnd();
  }

  /**
   * Ctrl+End in the body. The editor learns of a caret the browser moved from the next
   * selectionchange; a key sent before it (no person types that fast) acts at the old caret.
   */
  async caretToEnd() {
    await this.page.keyboard.press('Control+End');
    await expect.poll(() => this.caretAtEnd()).toBe(true);
  }

  private caretAtEnd(): Promise<boolean> {
    return this.body.evaluate(
      (body) =>
        new Promise<boolean>((resolve) =>
          requestAnimationFrame(() => {
            const selection = getSelection();
            if (!selection?.focusNode || !body.contains(selection.focusNode)) return resolve(false);
            const after = document.createRange();
            after.setStart(selection.focusNode, selection.focusOffset);
            after.setEnd(body, body.childNodes.length);
            resolve(after.toString() === '');
          }),
        ),
    );
  }

  async type(text: string) {
    await this.page.keyboard.type(text);
  }

  async press(...keys: string[]) {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Ctrl+K: the link's address field opens with the caret in it. */
  async openLinkField(): Promise<Locator> {
    await this.page.keyboard.press('Control+k');
    const field = this.linkDialog.getByRole('textbox', { name: 'Link address' });
    await expect(field).toBeFocused();
    return field;
  }

  /** Links the selected text: Ctrl+K, the address typed, Enter; the caret is back in the body after it. */
  async addLink(url: string) {
    const field = await this.openLinkField();
    await this.page.keyboard.type(url);
    await expect(field).toHaveValue(url);
    await this.page.keyboard.press('Enter');
    await expect(this.linkDialog).toBeHidden();
    await expect(this.body).toBeFocused();
  }

  /** Dispatches a real paste event, as the browser does, with the given clipboard contents. */
  async paste(data: {
    html?: string;
    text?: string;
    image?: { name: string; type: string; base64: string };
  }) {
    await this.body.evaluate((element, payload) => {
      const transfer = new DataTransfer();
      if (payload.html !== undefined) transfer.setData('text/html', payload.html);
      if (payload.text !== undefined) transfer.setData('text/plain', payload.text);
      if (payload.image) {
        const bytes = Uint8Array.from(atob(payload.image.base64), (char) => char.charCodeAt(0));
        transfer.items.add(new File([bytes], payload.image.name, { type: payload.image.type }));
      }
      element.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      );
    }, data);
  }

  async waitUntilSaved() {
    await expect(this.saveState).toHaveText('Saved');
  }

  async saveNow() {
    await this.page.keyboard.press('Control+s');
    await this.waitUntilSaved();
  }

  async openHtmlView() {
    await this.page.getByRole('button', { name: 'Edit HTML' }).click();
    await expect(this.htmlSource).toBeVisible();
  }

  async closeHtmlView() {
    await this.page.getByRole('button', { name: 'Back to the editor' }).click();
    await expect(this.body).toBeVisible();
  }

  /** The Markdown source view by its shortcut, with the caret in it. */
  async toggleMarkdownView() {
    const opening = !(await this.markdownSource.isVisible());
    await this.page.keyboard.press('Control+Alt+m');
    if (opening) await expect(this.markdownSource).toBeFocused();
    else await expect(this.body).toBeFocused();
  }

  /** The Markdown as the source view holds it, a line at a time. */
  async markdownText(): Promise<string> {
    const lines = await this.markdownSource.locator('.cm-line').evaluateAll((found) =>
      found.map((line) => {
        const copy = line.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.markdown-source__note').forEach((note) => note.remove());
        return copy.textContent ?? '';
      }),
    );
    return lines.join('\n');
  }

  /** The body's HTML as the editor shows it (Lexical's DOM, class names included). */
  bodyHtml(): Promise<string> {
    return this.body.innerHTML();
  }
}
