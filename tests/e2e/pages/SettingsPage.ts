import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class SettingsPage {
  readonly shell: AppShell;
  readonly theme: Locator;
  readonly markdownDrafts: Locator;
  /** The link digest templates: the one being edited, its name, and what can be done with it. */
  readonly templates: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.theme = page.getByLabel('Theme');
    this.markdownDrafts = page.getByRole('checkbox', { name: 'Write new drafts in Markdown' });
    this.templates = page.getByRole('group', { name: 'Link digest templates' });
  }

  templateField(name: string): Locator {
    return this.templates.getByRole('textbox', { name, exact: true });
  }

  async open() {
    await this.shell.open('Settings');
  }

  async chooseTheme(value: 'system' | 'light' | 'dark') {
    await this.theme.selectOption(value);
  }
}
