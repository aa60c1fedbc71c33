import type { Locator, Page } from '@playwright/test';
import { AppShell } from './AppShell';

export class SettingsPage {
  readonly shell: AppShell;
  readonly theme: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.theme = page.getByLabel('Theme');
  }

  async open() {
    await this.shell.open('Settings');
  }

  async chooseTheme(value: 'system' | 'light' | 'dark') {
    await this.theme.selectOption(value);
  }
}
