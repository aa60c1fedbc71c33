import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The Blogs section: the list of blogs, the "Add a blog" dialog with its discovery steps, the outbox. */
export class BlogsPage {
  readonly shell: AppShell;
  readonly addButton: Locator;
  readonly dialog: Locator;
  readonly discoverySteps: Locator;
  /** Discovery's one-sentence answer: what was found, or why nothing was, and what to try. */
  readonly verdict: Locator;
  readonly blogs: Locator;
  readonly outbox: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.addButton = page.getByRole('button', { name: 'Add a blog' });
    this.dialog = page.getByRole('dialog', { name: 'Add a blog' });
    this.discoverySteps = this.dialog.getByRole('list', { name: 'Discovery steps' });
    this.verdict = this.dialog.getByTestId('discovery-verdict');
    this.blogs = page.getByRole('list', { name: 'Your blogs' });
    this.outbox = page.getByRole('list', { name: 'Outbox' });
  }

  async open() {
    await this.shell.waitUntilReady();
    await this.shell.open('Blogs');
  }

  /** One publish in the outbox, by its draft's title. */
  outboxEntry(title: string): Locator {
    return this.outbox.getByRole('listitem').filter({ hasText: title });
  }

  step(name: string): Locator {
    return this.discoverySteps.getByRole('listitem').filter({ hasText: name });
  }

  /** Opens Blogs, types the home page address, presses Enter; resolves when the verdict shows. */
  async discover(url: string) {
    await this.open();
    await this.addButton.click();
    const address = this.dialog.getByLabel('Your blog’s home page');
    await expect(address).toBeFocused();
    await this.page.keyboard.type(url);
    await expect(address).toHaveValue(url);
    await this.page.keyboard.press('Enter');
    await expect(this.verdict).toBeVisible({ timeout: 40_000 });
  }

  /** Unfolds the probe-by-probe list under the verdict. */
  async showDetails() {
    await this.dialog.getByText('Details', { exact: false }).first().click();
    await expect(this.discoverySteps).toBeVisible();
  }

  /** Types the user name and password, Tab between them, and signs in with Enter. */
  async signIn(user: string, password: string) {
    await this.dialog.getByLabel('User name').click();
    await this.page.keyboard.type(user);
    await this.page.keyboard.press('Tab');
    await expect(this.dialog.getByLabel('Password')).toBeFocused();
    await this.page.keyboard.type(password);
    await this.page.keyboard.press('Enter');
  }

  async addChosenBlog() {
    await this.dialog.getByRole('button', { name: 'Add blog' }).click();
    await expect(this.dialog).toBeHidden();
  }

  blog(name: string): Locator {
    return this.blogs.getByRole('listitem', { name });
  }
}
