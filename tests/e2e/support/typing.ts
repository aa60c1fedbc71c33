import { expect, type Locator } from '@playwright/test';

/**
 * Typing into fields as a person does: a click, then keys. Native date and time fields take their
 * digits segment by segment, in the order Chromium shows them for en-US (the browser's locale in
 * these tests): month, day, year; hour, minute, AM/PM. Tab moves from the date to the time.
 */

/** Clicks at the start of the field, where its first segment (or first character) is. */
async function clickStart(field: Locator) {
  const box = await field.boundingBox();
  if (!box) throw new Error('the field is not on screen');
  await field.click({ position: { x: 6, y: box.height / 2 } });
}

async function keys(field: Locator, ...parts: string[]) {
  const { keyboard } = field.page();
  for (const [index, part] of parts.entries()) {
    if (part === 'Tab') await keyboard.press('Tab');
    else await keyboard.type(part, { delay: index === 0 ? 0 : 10 });
  }
}

const clock = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number];
  const twelve = hours % 12 === 0 ? 12 : hours % 12;
  return [String(twelve).padStart(2, '0'), String(minutes).padStart(2, '0'), hours < 12 ? 'A' : 'P'];
};

/** `2009-11-05` into a date field. */
export async function typeDate(field: Locator, iso: string) {
  const [year, month, day] = iso.split('-') as [string, string, string];
  await clickStart(field);
  await keys(field, month, day, year);
  await expect(field).toHaveValue(iso);
}

/** `10:00` (24-hour) into a time field. */
export async function typeTime(field: Locator, time: string) {
  await clickStart(field);
  await keys(field, ...clock(time));
  await expect(field).toHaveValue(time);
}

/** `2009-11-27T10:00` into a date-and-time field. */
export async function typeDateTime(field: Locator, value: string) {
  const [date, time] = value.split('T') as [string, string];
  const [year, month, day] = date.split('-') as [string, string, string];
  await clickStart(field);
  await keys(field, month, day, year, 'Tab', ...clock(time));
  await expect(field).toHaveValue(value);
}

/** `2009-11` into a month field. */
export async function typeMonth(field: Locator, value: string) {
  const [year, month] = value.split('-') as [string, string];
  await clickStart(field);
  await keys(field, month, 'Tab', year);
  await expect(field).toHaveValue(value);
}

/** Replaces what a text field holds: click into it, select all, type the new text. */
export async function retype(field: Locator, text: string) {
  await field.click();
  await field.page().keyboard.press('Control+a');
  if (text === '') await field.page().keyboard.press('Backspace');
  else await field.page().keyboard.type(text);
  await expect(field).toHaveValue(text);
}

/**
 * Moves the focus with Tab (or Shift+Tab, `backwards`), as a keyboard user does, until `target`
 * has it; fails when 40 presses do not reach it.
 */
export async function tabTo(target: Locator, { backwards = false } = {}) {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await target.page().keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, `reached with ${backwards ? 'Shift+Tab' : 'Tab'}`).toBeFocused();
}
