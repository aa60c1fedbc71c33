import { expect, type Locator, type Page } from '@playwright/test';
import { typeDate } from '../support/typing';
import { AppShell } from './AppShell';

/** What a drag from a browser carries; each is optional, as browsers differ. */
export interface DragPayload {
  uriList?: string;
  html?: string;
  plain?: string;
}

/** The Inbox section: quick-add, the virtualised list of links, drops and pastes, import, the digest builder. */
export class InboxPage {
  readonly shell: AppShell;
  readonly list: Locator;
  readonly quickAdd: Locator;
  readonly count: Locator;
  readonly toast: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.list = page.getByRole('list', { name: 'Inbox' });
    this.quickAdd = page.getByRole('textbox', { name: 'Add a link' });
    this.count = page.getByTestId('inbox-count');
    this.toast = page.locator('.toast');
  }

  async open() {
    await this.shell.waitUntilReady();
    await this.shell.open('Inbox');
    await expect(this.page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible();
  }

  row(url: string): Locator {
    return this.list.getByRole('listitem').filter({ has: this.page.locator(`[data-url="${url}"]`) });
  }

  async waitForTitle(url: string, title: string) {
    await expect(this.row(url).locator('.link-row__title')).toHaveText(title);
  }

  /** What a link from another page carries when dragged: read from that page as Chromium would put it. */
  static async pickUp(source: Page, selector: string): Promise<DragPayload> {
    return source.locator(selector).evaluate((anchor: HTMLAnchorElement) => ({
      uriList: anchor.href,
      html: anchor.outerHTML.replace(/href="[^"]*"/, `href="${anchor.href}"`),
      plain: anchor.href,
    }));
  }

  /**
   * A real drop from outside the app: dragenter, dragover and drop events carrying a DataTransfer
   * with text/uri-list, text/html and text/plain. Checks the drop target appears on the way.
   */
  async dropLinks(payload: DragPayload) {
    const target = this.page.locator('#main');
    const data = await this.page.evaluateHandle((items: DragPayload) => {
      const transfer = new DataTransfer();
      if (items.uriList) transfer.setData('text/uri-list', items.uriList);
      if (items.html) transfer.setData('text/html', items.html);
      if (items.plain) transfer.setData('text/plain', items.plain);
      return transfer;
    }, payload);
    await target.dispatchEvent('dragenter', { dataTransfer: data });
    await target.dispatchEvent('dragover', { dataTransfer: data });
    await expect(this.page.getByText('Drop links to add them to the inbox')).toBeVisible();
    await target.dispatchEvent('drop', { dataTransfer: data });
    await expect(this.page.getByText('Drop links to add them to the inbox')).toBeHidden();
  }

  /** A paste while nothing in particular has the focus. */
  async paste(text: string) {
    await this.page.locator('body').evaluate((body, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      body.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
  }

  /** Types an address into "Add a link" and presses Enter. */
  async add(url: string) {
    await this.quickAdd.click();
    await this.quickAdd.pressSequentially(url);
    await this.page.keyboard.press('Enter');
    await expect(this.quickAdd).toHaveValue('');
  }

  async importFile(path: string) {
    await this.page.getByLabel('Bookmark file to import').setInputFiles(path);
    await expect(this.toast).toContainText('Imported');
  }

  /** Opens the digest builder and types the range into its date fields. */
  async openDigest(from: string, to: string) {
    await this.page.getByRole('button', { name: 'Build digest' }).click();
    await typeDate(this.page.getByLabel('Digest from'), from);
    await typeDate(this.page.getByLabel('Digest to'), to);
  }

  digestDate(end: 'from' | 'to'): Locator {
    return this.page.getByLabel(`Digest ${end}`);
  }

  /**
   * Types a YYYY-MM-DD day into a date field as a person does: clicks its first part and types the
   * digits in the order the field shows them (month, day, year in the browser's en-US locale).
   */
  async typeDate(field: Locator, day: string) {
    const [year, month, date] = day.split('-') as [string, string, string];
    await field.click({ position: { x: 12, y: 10 } });
    await field.pressSequentially(`${month}${date}${year}`, { delay: 30 });
  }

  digestTitle(): Locator {
    return this.page.getByTestId('digest-title');
  }

  digestBody(): Locator {
    return this.page.getByTestId('digest-body');
  }

  digestRows(): Locator {
    return this.page.getByRole('list', { name: 'Links in this digest' }).getByRole('listitem');
  }
}
