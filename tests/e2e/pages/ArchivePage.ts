import { expect, type Locator, type Page } from '@playwright/test';
import { CommandsPage } from './CommandsPage';

/** A blog's offline archive in the Blogs section: the pull, its progress, the pulled posts and one read. */
export class ArchivePage {
  readonly region: Locator;
  readonly search: Locator;
  readonly posts: Locator;
  readonly reader: Locator;
  readonly status: Locator;

  constructor(
    readonly page: Page,
    blogName: string,
  ) {
    this.region = page.getByRole('region', { name: `Archive of ${blogName}` });
    this.search = this.region.getByRole('searchbox', { name: 'Search pulled posts' });
    this.posts = this.region.getByRole('list', { name: 'Archived posts' }).getByRole('button');
    this.reader = this.region.getByRole('article');
    this.status = this.region.getByRole('status');
  }

  /** Runs a command from the palette, typed a key at a time, as the author does. */
  async runCommand(title: string) {
    const commands = new CommandsPage(this.page);
    await commands.openPalette();
    await commands.typeInPalette(title);
    await expect(commands.chosen()).toContainText(title);
    await this.page.keyboard.press('Enter');
  }

  async searchFor(words: string) {
    await this.search.click();
    await this.search.pressSequentially(words);
  }

  post(title: string): Locator {
    return this.posts.filter({ hasText: title });
  }
}
