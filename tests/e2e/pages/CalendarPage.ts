import { expect, type Locator, type Page } from '@playwright/test';
import { typeDate, typeMonth } from '../support/typing';
import { AppShell } from './AppShell';

/** The Calendar section: month grid, agenda, the event side panel, .ics import and export. */
export class CalendarPage {
  readonly shell: AppShell;
  readonly grid: Locator;
  readonly panel: Locator;
  readonly toast: Locator;
  readonly newEventButton: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShell(page);
    this.newEventButton = page.getByRole('button', { name: 'New event' });
    this.grid = page.getByRole('grid');
    this.panel = page.getByRole('complementary', { name: /^(New|Edit) event$/ });
    this.toast = page.locator('.toast');
  }

  async open() {
    await this.shell.open('Calendar');
    await expect(this.page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  }

  /** Jumps to a month, `2009-11`. */
  async goToMonth(month: string, label: string) {
    await typeMonth(this.page.getByLabel('Go to month'), month);
    await expect(this.page.getByRole('grid', { name: label })).toBeVisible();
  }

  async nextMonth(label: string) {
    await this.page.getByRole('button', { name: 'Next month' }).click();
    await expect(this.page.getByRole('grid', { name: label })).toBeVisible();
  }

  /** A day of the grid, `2009-11-25`. */
  day(date: string): Locator {
    return this.grid.locator(`[data-day="${date}"]`);
  }

  eventOn(date: string, title: string): Locator {
    return this.day(date).getByRole('button', { name: title });
  }

  async showAgenda() {
    await this.page.getByRole('button', { name: 'Agenda' }).click();
  }

  field(label: string): Locator {
    return this.panel.getByLabel(label, { exact: true });
  }

  async save() {
    await this.panel.getByRole('button', { name: 'Save' }).click();
    await expect(this.panel).toBeHidden();
  }

  async importIcs(file: { name: string; content: string }) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import .ics…' }).click();
    await (
      await chooser
    ).setFiles({ name: file.name, mimeType: 'text/calendar', buffer: Buffer.from(file.content) });
  }

  /** Exports through the Export menu and returns the downloaded .ics text. */
  async exportIcs(option: string): Promise<{ name: string; content: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByLabel('Export').selectOption({ label: option });
    const file = await download;
    const stream = await file.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: file.suggestedFilename(), content: Buffer.concat(chunks).toString('utf8') };
  }
}

/** "Events in this post" under the editor's body. */
export class EventsInPostPanel {
  readonly region: Locator;

  constructor(readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Events in this post' });
  }

  items(): Locator {
    return this.region.getByRole('listitem');
  }

  item(when: string): Locator {
    return this.items().filter({ hasText: when });
  }

  /** Opens "Add to calendar" on a found event, lets `edit` change the prefilled form, and saves it. */
  async addToCalendar(when: string, edit: (form: Locator) => Promise<void>) {
    const item = this.item(when);
    await item.getByRole('button', { name: 'Add to calendar' }).click();
    const form = item.getByRole('form', { name: 'Add to calendar' });
    await edit(form);
    await form.getByRole('button', { name: 'Save to calendar' }).click();
    await expect(item).toContainText('In the calendar');
  }

  async insertEventBlock(when: string) {
    await this.item(when).getByRole('button', { name: 'Insert event block' }).click();
  }

  async insertUpcoming(from: string, to: string) {
    await this.region.getByRole('button', { name: 'Insert upcoming events' }).click();
    const form = this.region.getByRole('form', { name: 'Insert upcoming events' });
    await typeDate(form.getByLabel('From'), from);
    await typeDate(form.getByLabel('To'), to);
    await form.getByRole('button', { name: 'Insert list' }).click();
    await expect(form).toBeHidden();
  }
}
