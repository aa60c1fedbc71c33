import { expect, type Locator, type Page } from '@playwright/test';

/** The command palette (Ctrl+Shift+P) and the shortcut help (Ctrl+/), reached from the keyboard. */
export class CommandsPage {
  readonly palette: Locator;
  readonly paletteInput: Locator;
  readonly options: Locator;
  readonly help: Locator;
  readonly helpSearch: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole('dialog', { name: 'Command palette' });
    this.paletteInput = this.palette.getByRole('combobox', { name: 'Command' });
    this.options = this.palette.getByRole('option');
    this.help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    this.helpSearch = this.help.getByRole('searchbox', { name: 'Search shortcuts' });
  }

  async openPalette() {
    await this.page.keyboard.press('Control+Shift+P');
    await expect(this.paletteInput).toBeFocused();
  }

  /** Types into the palette a key at a time, as the list follows each key. */
  async typeInPalette(text: string) {
    await this.paletteInput.pressSequentially(text);
    await expect(this.paletteInput).toHaveValue(text);
  }

  option(title: string): Locator {
    return this.options.filter({ has: this.page.locator('.palette__title', { hasText: title }) });
  }

  chosen(): Locator {
    return this.palette.getByRole('option', { selected: true });
  }

  async openHelp() {
    await this.page.keyboard.press('Control+/');
    await expect(this.help).toBeVisible();
    await expect(this.helpSearch).toBeFocused();
  }

  helpRow(title: string): Locator {
    return this.help.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: title }) });
  }
}
