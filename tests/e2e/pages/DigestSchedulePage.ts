import { expect, type Locator, type Page } from '@playwright/test';
import { AppShell } from './AppShell';

/** Settings → Digest schedules, and the digest notices above every screen. */
export class DigestSchedulePage {
  readonly shell: AppShell;
  readonly group: Locator;
  readonly saved: Locator;
  readonly notices: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.group = page.getByRole('group', { name: 'Digest schedules' });
    this.saved = this.group.getByRole('status');
    this.notices = page.getByRole('region', { name: 'Digest notices' });
  }

  async open() {
    await this.shell.open('Settings');
    await expect(this.group).toBeVisible();
  }

  blog(name: string): Locator {
    return this.group.getByRole('listitem').filter({ hasText: name });
  }

  form(blog: string): Locator {
    return this.page.getByRole('form', { name: `Digest schedule for ${blog}` });
  }

  field(blog: string, label: string): Locator {
    return this.form(blog).getByLabel(label);
  }

  /** Opens the blog's schedule form with the keyboard: focus on its button, then Enter. */
  async edit(blog: string) {
    const button = this.blog(blog).getByRole('button', { name: /digest schedule for/ });
    await button.focus();
    await this.page.keyboard.press('Enter');
    await expect(this.form(blog)).toBeVisible();
  }

  /** Replaces a text field's content by typing, as a person does: select all, then the keys. */
  async typeInto(field: Locator, text: string) {
    await field.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await field.pressSequentially(text, { delay: 15 });
  }

  /** Moves a drop-down to `option` with the arrow keys, the way a keyboard user does. */
  async chooseWithKeys(select: Locator, option: string) {
    await select.focus();
    const options = await select.locator('option').allTextContents();
    const target = options.findIndex((text) => text.trim() === option);
    expect(target, `${option} is one of ${options.join(', ')}`).toBeGreaterThanOrEqual(0);
    const current = await select.evaluate((element: HTMLSelectElement) => element.selectedIndex);
    const key = target > current ? 'ArrowDown' : 'ArrowUp';
    for (let step = 0; step < Math.abs(target - current); step++) await this.page.keyboard.press(key);
    await expect(select.locator('option:checked')).toHaveText(option);
  }

  notice(text: string | RegExp): Locator {
    return this.notices.locator('.digest-notice').filter({ hasText: text });
  }
}
