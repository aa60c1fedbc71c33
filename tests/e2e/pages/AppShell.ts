import { expect, type Locator, type Page } from '@playwright/test';

/** The app frame: sidebar sections and the status bar. */
export class AppShell {
  readonly sidebar: Locator;
  readonly statusBar: Locator;

  constructor(readonly page: Page) {
    this.sidebar = page.getByRole('navigation', { name: 'Sections' });
    this.statusBar = page.getByRole('contentinfo', { name: 'Status' });
  }

  async waitUntilReady() {
    await expect(this.page.locator('.app[data-ready="true"]')).toBeVisible();
    await expect(this.statusBar.getByTestId('connection-state')).toHaveText('Connected');
  }

  section(label: string): Locator {
    return this.sidebar.getByRole('button', { name: label, exact: true });
  }

  async open(label: string) {
    await this.section(label).click();
    await expect(this.section(label)).toHaveAttribute('aria-current', 'page');
  }

  heading(): Locator {
    return this.page.getByRole('main').getByRole('heading').first();
  }
}
