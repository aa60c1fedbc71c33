import { expect, type Locator, type Page } from '@playwright/test';
import { retype } from '../support/typing';
import { AppShell } from './AppShell';
import { EditorPage } from './EditorPage';

/** The Drafts section: the list (or the trash), its search and menus, and the open draft. */
export class DraftsPage {
  readonly shell: AppShell;
  readonly editor: EditorPage;
  readonly search: Locator;
  readonly newDraftButton: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.editor = new EditorPage(page);
    this.panel = page.locator('.drafts-panel');
    this.search = this.panel.getByRole('searchbox');
    this.newDraftButton = this.panel.getByRole('button', { name: 'New draft' });
  }

  async open() {
    await this.shell.waitUntilReady();
    await this.shell.open('Drafts');
  }

  list(): Locator {
    return this.panel.getByRole('list');
  }

  row(title: string): Locator {
    return this.list()
      .getByRole('listitem')
      .filter({ has: this.page.locator('.draft-row__title', { hasText: title }) });
  }

  emptyMessage(): Locator {
    return this.panel.locator('.drafts-panel__empty');
  }

  async newDraft(title: string) {
    await this.newDraftButton.click();
    // A new draft opens with the caret in its empty title.
    await expect(this.editor.title).toBeFocused();
    await expect(this.editor.title).toHaveValue('');
    await this.editor.setTitle(title);
  }

  async openDraft(title: string) {
    await this.row(title).locator('.draft-row__open').click();
    await expect(this.editor.title).toHaveValue(title);
  }

  /** Types into the search box (what was there is replaced), as the list follows each key. */
  async searchFor(text: string) {
    await retype(this.search, text);
  }

  /** Opens a row's menu with its ⋯ button and picks `action`. */
  async act(title: string, action: string) {
    await this.row(title)
      .getByRole('button', { name: `Actions for ${title}` })
      .click();
    await this.page.getByRole('menu').getByRole('menuitem', { name: action }).click();
  }

  async showTrash() {
    await this.panel.getByRole('button', { name: 'Trash', exact: true }).click();
    await expect(this.panel.getByRole('heading', { name: 'Trash' })).toBeVisible();
  }

  async showDrafts() {
    await this.panel.getByRole('button', { name: '← Back to drafts' }).click();
    await expect(this.panel.getByRole('heading', { name: 'Drafts' })).toBeVisible();
  }

  revisionsDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Revisions of/ });
  }
}
