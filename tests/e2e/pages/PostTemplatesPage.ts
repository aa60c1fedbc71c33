import { expect, type Locator, type Page } from '@playwright/test';

/** Settings › Post templates, and the palette's "New Draft from Template…" list. */
export class PostTemplatesPage {
  readonly group: Locator;
  readonly list: Locator;
  readonly form: Locator;
  readonly picker: Locator;
  readonly pickerInput: Locator;

  constructor(readonly page: Page) {
    this.group = page.getByRole('group', { name: 'Post templates' });
    this.list = this.group.getByRole('list', { name: 'Post templates' });
    this.form = this.group.getByRole('form');
    this.picker = page.getByRole('dialog', { name: 'New draft from a template' });
    this.pickerInput = this.picker.getByRole('combobox', { name: 'Template name' });
  }

  field(name: string): Locator {
    return this.form.getByRole('textbox', { name, exact: true });
  }

  row(name: string): Locator {
    return this.list
      .getByRole('listitem')
      .filter({ has: this.page.locator('.post-templates__name', { hasText: name }) });
  }

  /** Types into a field of the form a key at a time, reaching it with Tab from the field before. */
  async typeInto(name: string, text: string) {
    await expect(this.field(name)).toBeFocused();
    await this.field(name).pressSequentially(text);
    await expect(this.field(name)).toHaveValue(text);
  }
}
