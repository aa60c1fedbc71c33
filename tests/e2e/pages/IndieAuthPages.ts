import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/**
 * Signing in to a Micropub blog from "Add a blog": the app opens the site's authorization page in a
 * new tab; the author approves there, the tab lands on Postwright's loopback page, and the dialog closes.
 */
export class IndieAuthSignIn {
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add a blog' });
  }

  /** Starts the sign-in and answers on the authorization page; returns that tab, now on the loopback page. */
  async approveInNewTab(context: BrowserContext): Promise<Page> {
    const opened = context.waitForEvent('page');
    await this.dialog.getByRole('button', { name: 'Sign in with IndieAuth' }).click();
    const tab = await opened;
    await expect(tab.locator('#client')).toContainText(
      'Postwright wants to create update delete undelete media',
    );
    await tab.getByRole('button', { name: 'Approve' }).click();
    await expect(tab.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await expect(tab.getByText('Return to Postwright')).toBeVisible();
    await expect(this.dialog).toBeHidden();
    return tab;
  }

  /** "Sign in again" on a blog already added: the site's page opens in a new tab and the author approves there. */
  async approveAgain(context: BrowserContext, button: Locator): Promise<void> {
    const opened = context.waitForEvent('page');
    await button.click();
    const tab = await opened;
    await tab.getByRole('button', { name: 'Approve' }).click();
    await expect(tab.getByRole('heading', { name: 'Signed in' })).toBeVisible();
    await tab.close();
  }
}
