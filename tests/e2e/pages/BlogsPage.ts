import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** The Blogs section: the list of blogs, the "Add a blog" dialog with its discovery steps, the outbox. */
export class BlogsPage {
  readonly shell: AppShell;
  readonly addButton: Locator;
  readonly dialog: Locator;
  readonly discoverySteps: Locator;
  readonly blogs: Locator;
  readonly outbox: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.addButton = page.getByRole('button', { name: 'Add a blog' });
    this.dialog = page.getByRole('dialog', { name: 'Add a blog' });
    this.discoverySteps = this.dialog.getByRole('list', { name: 'Discovery steps' });
    this.blogs = page.getByRole('list', { name: 'Your blogs' });
    this.outbox = page.getByRole('list', { name: 'Outbox' });
  }

  async open() {
    await this.shell.waitUntilReady();
    await this.shell.open('Blogs');
  }

  step(name: string): Locator {
    return this.discoverySteps.getByRole('listitem').filter({ hasText: name });
  }

  /** Opens Blogs, types the home page address and runs discovery; resolves when the steps are shown. */
  async discover(url: string) {
    await this.open();
    await this.addButton.click();
    await this.dialog.getByLabel('Your blog’s home page').fill(url);
    await this.dialog.getByRole('button', { name: 'Find the blog' }).click();
    await expect(this.discoverySteps).toBeVisible();
  }

  async signIn(user: string, password: string) {
    await this.dialog.getByLabel('User name').fill(user);
    await this.dialog.getByLabel('Password').fill(password);
    await this.dialog.getByRole('button', { name: 'Sign in' }).click();
  }

  async addChosenBlog() {
    await this.dialog.getByRole('button', { name: 'Add blog' }).click();
    await expect(this.dialog).toBeHidden();
  }

  blog(name: string): Locator {
    return this.blogs.getByRole('listitem', { name });
  }
}
