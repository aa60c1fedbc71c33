import { expect, type Locator, type Page } from '@playwright/test';

/** The notices at the top of the window: what went wrong without the author, until dismissed. */
export class ProblemNotices {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Problems' });
  }

  notice(text: string | RegExp): Locator {
    return this.region.getByRole('alert').filter({ hasText: text });
  }

  async dismiss(text: string | RegExp) {
    await this.notice(text).getByRole('button', { name: 'Dismiss' }).click();
    await expect(this.notice(text)).toHaveCount(0);
  }
}
