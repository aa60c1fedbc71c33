import { runCli } from '../support/cli';
import { CalendarPage, EventsInPostPanel } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { retype, typeDateTime, typeTime } from './support/typing';

const BRIGHTON =
  'Two such events are currently scheduled: firstly in at Brighton and Hove Council on 25 November from 9.30-12.30. Speakers include Tracey Hughes from Brighton and Hove council and Christine Shakespeare from Basildon Council – as well as yours truly.';
const BARNSLEY =
  'Second is Barnsley on 1 December, again between 9.30 and 12.30. Speakers for this event include Paula Siswick from Kirklees Council and Ian Ligget from Bury MBC. Oh, and me again.';

test('the Learning Pool post: both events found, added, shown in the month view, listed in the post with h-event markup', async ({
  app,
}) => {
  // Typing two long paragraphs key by key takes a while on a busy machine.
  test.setTimeout(180_000);
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Learning Pool Breakfast events');
  const editor = drafts.editor;
  // The post's date gives the year to "25 November".
  await editor.openPostPanel();
  await typeDateTime(editor.postPanel.getByLabel('Publish date'), '2009-11-16T09:00');

  await editor.focusEnd();
  await editor.type(BRIGHTON);
  await editor.press('Enter');
  await editor.type(BARNSLEY);

  const events = new EventsInPostPanel(page);
  await expect(events.items()).toHaveCount(2);
  await expect(
    events.item('Wednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council'),
  ).toBeVisible();
  await expect(events.item('Tuesday 1 December 2009, 9.30–12.30, Barnsley')).toBeVisible();

  await events.addToCalendar('Wednesday 25 November 2009', async (form) => {
    await expect(form.getByLabel('Location')).toHaveValue('Brighton and Hove Council');
    await expect(form.getByLabel('Start time')).toHaveValue('09:30');
    await retype(form.getByLabel('Title'), 'Learning Pool breakfast, Brighton');
  });
  await events.addToCalendar('Tuesday 1 December 2009', async (form) => {
    await expect(form.getByLabel('End time')).toHaveValue('12:30');
    await retype(form.getByLabel('Title'), 'Learning Pool breakfast, Barnsley');
  });

  await editor.focusEnd();
  await editor.press('Enter');
  await events.insertUpcoming('2009-11-16', '2009-12-31');
  const upcoming = page.getByTestId('upcoming-events-block');
  await expect(upcoming).toContainText(
    'Learning Pool breakfast, Brighton: Wednesday 25 November 2009, 9.30–12.30',
  );
  await expect(upcoming).toContainText(
    'Learning Pool breakfast, Barnsley: Tuesday 1 December 2009, 9.30–12.30, Barnsley',
  );
  await events.insertEventBlock('Wednesday 25 November 2009');
  await expect(page.getByTestId('event-block')).toContainText('Learning Pool breakfast, Brighton');
  // Through the HTML view and back, the blocks stay blocks.
  await editor.openHtmlView();
  await expect(editor.htmlSource).toHaveValue(/class="h-event"/);
  await editor.closeHtmlView();
  await expect(page.getByTestId('event-block')).toContainText('Learning Pool breakfast, Brighton');
  await expect(upcoming).toContainText('Learning Pool breakfast, Barnsley');
  await editor.saveNow();

  const list = runCli(['drafts', 'list', '--json'], { dataDir: app.dataDir }).json<
    { id: string; title: string }[]
  >();
  const saved = runCli(['drafts', 'show', list[0]!.id, '--json'], { dataDir: app.dataDir }).json<{
    html: string;
  }>();
  // The saved HTML, read the way a microformats parser reads it.
  const markup = await page.evaluate((html) => {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    return Array.from(body.querySelectorAll('.h-event')).map((event) => ({
      tag: event.localName,
      name: event.querySelector('.p-name')?.textContent,
      start: event.querySelector('time.dt-start')?.getAttribute('datetime'),
      end: event.querySelector('time.dt-end')?.getAttribute('datetime'),
      location: event.querySelector('.p-location')?.textContent,
    }));
  }, saved.html);
  const brighton = {
    name: 'Learning Pool breakfast, Brighton',
    start: expect.stringMatching(/^2009-11-25T09:30:00[+-]\d\d:\d\d$/),
    end: expect.stringMatching(/^2009-11-25T12:30:00[+-]\d\d:\d\d$/),
    location: 'Brighton and Hove Council',
  };
  expect(markup).toEqual([
    { tag: 'li', ...brighton },
    {
      tag: 'li',
      name: 'Learning Pool breakfast, Barnsley',
      start: expect.stringMatching(/^2009-12-01T09:30:00[+-]\d\d:\d\d$/),
      end: expect.stringMatching(/^2009-12-01T12:30:00[+-]\d\d:\d\d$/),
      location: 'Barnsley',
    },
    { tag: 'div', ...brighton },
  ]);

  const calendar = new CalendarPage(page);
  await calendar.open();
  await calendar.goToMonth('2009-11', 'November 2009');
  await expect(calendar.eventOn('2009-11-25', 'Learning Pool breakfast, Brighton')).toBeVisible();
  await calendar.nextMonth('December 2009');
  await expect(calendar.eventOn('2009-12-01', 'Learning Pool breakfast, Barnsley')).toBeVisible();
});

test('create by clicking a day, edit in the side panel, delete with undo, move by keyboard', async ({
  app,
}) => {
  const calendar = new CalendarPage(await app.open());
  await calendar.shell.waitUntilReady();
  await calendar.open();
  await calendar.goToMonth('2009-11', 'November 2009');

  await calendar.day('2009-11-27').click();
  await expect(calendar.panel).toHaveAccessibleName('New event');
  await expect(calendar.field('Starts')).toHaveValue('2009-11-27');
  await expect(calendar.field('Title')).toBeFocused();
  await calendar.page.keyboard.type('Web skills workshop');
  await typeTime(calendar.field('Start time'), '10:00');
  await typeTime(calendar.field('End time'), '16:00');
  await retype(calendar.field('Location'), 'London');
  await retype(calendar.field('Time zone'), 'Mars/Olympus');
  await calendar.panel.getByRole('button', { name: 'Save' }).click();
  await expect(calendar.panel.getByRole('alert')).toHaveText(
    'The time zone must be a name like Europe/London.',
  );
  await retype(calendar.field('Time zone'), 'Europe/London');
  await calendar.save();
  await expect(calendar.eventOn('2009-11-27', 'Web skills workshop')).toContainText('10.00');

  await calendar.eventOn('2009-11-27', 'Web skills workshop').click();
  await expect(calendar.panel).toHaveAccessibleName('Edit event');
  await calendar.field('All day').check();
  await calendar.save();
  await expect(calendar.eventOn('2009-11-27', 'Web skills workshop')).not.toContainText('10.00');

  await calendar.eventOn('2009-11-27', 'Web skills workshop').click();
  await calendar.panel.getByRole('button', { name: 'Delete' }).click();
  await expect(calendar.day('2009-11-27').getByRole('button')).toHaveCount(0);
  await calendar.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(calendar.eventOn('2009-11-27', 'Web skills workshop')).toBeVisible();

  await calendar.eventOn('2009-11-27', 'Web skills workshop').click();
  await calendar.panel.getByRole('button', { name: 'New post from event' }).click();
  await expect(calendar.toast).toContainText('A new draft, “Web skills workshop”, is waiting in Drafts');
  const drafts = runCli(['drafts', 'list', '--json'], { dataDir: app.dataDir }).json<
    { id: string; title: string }[]
  >();
  const post = runCli(['drafts', 'show', drafts[0]!.id, '--json'], { dataDir: app.dataDir }).json<{
    html: string;
  }>();
  expect(post.html).toContain('<div class="h-event"><p><strong class="p-name">Web skills workshop</strong>');
  await calendar.panel.getByRole('button', { name: 'Close' }).click();

  // Keyboard: from the 27th, a week down is 4 December (next month), Enter makes an event there.
  await calendar.day('2009-11-27').focus();
  await calendar.page.keyboard.press('ArrowDown');
  await expect(calendar.page.getByRole('grid', { name: 'December 2009' })).toBeVisible();
  await expect(calendar.day('2009-12-04')).toBeFocused();
  await calendar.page.keyboard.press('Enter');
  await expect(calendar.field('Starts')).toHaveValue('2009-12-04');

  await calendar.panel.getByRole('button', { name: 'Cancel' }).click();

  await calendar.showAgenda();
  await expect(calendar.page.getByRole('heading', { name: 'Past' })).toBeVisible();
  await expect(calendar.page.getByRole('button', { name: /Web skills workshop/ })).toContainText(
    'Friday 27 November 2009',
  );
});

test('an .ics file is imported from the file picker and exported as a download', async ({ app }) => {
  const calendar = new CalendarPage(await app.open());
  await calendar.shell.waitUntilReady();
  await calendar.open();
  const ics = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//EN',
    'BEGIN:VEVENT',
    'UID:govhack-2009@example.org',
    'DTSTAMP:20091101T000000Z',
    'SUMMARY:GovHack',
    'DTSTART;VALUE=DATE:20091030',
    'DTEND;VALUE=DATE:20091101',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
  await calendar.importIcs({ name: 'govhack.ics', content: ics });
  await expect(calendar.toast).toContainText('Imported govhack.ics: 1 added, 0 updated.');
  await expect(calendar.page.getByRole('grid', { name: 'October 2009' })).toBeVisible();
  await expect(calendar.eventOn('2009-10-30', 'GovHack')).toBeVisible();
  await expect(calendar.eventOn('2009-10-31', 'GovHack')).toBeVisible();

  const exported = await calendar.exportIcs('October 2009 (.ics)');
  expect(exported.name).toBe('events-2009-10.ics');
  expect(exported.content).toContain('UID:govhack-2009@example.org');
  expect(exported.content).toContain('DTEND;VALUE=DATE:20091101');

  await calendar.importIcs({ name: 'govhack.ics', content: ics });
  await expect(calendar.toast).toContainText('0 added, 1 updated.');
  await expect(calendar.day('2009-10-30').getByRole('button')).toHaveCount(1);
});

test('New event starts on the day chosen in the calendar, else today, with the caret in its title', async ({
  app,
}) => {
  const calendar = new CalendarPage(await app.open());
  await calendar.shell.waitUntilReady();
  await calendar.open();
  const today = await calendar.page.evaluate(() => {
    const now = new Date();
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  });

  await calendar.newEventButton.click();
  await expect(calendar.panel).toHaveAccessibleName('New event');
  await expect(calendar.field('Title')).toBeFocused();
  await expect(calendar.field('Starts')).toHaveValue(today);
  await calendar.page.keyboard.type('Web skills workshop');
  await expect(calendar.field('Title')).toHaveValue('Web skills workshop');
  await calendar.panel.getByRole('button', { name: 'Cancel' }).click();

  // Another month, a day chosen with the arrow keys.
  await calendar.goToMonth('2009-11', 'November 2009');
  await calendar.day('2009-11-01').focus();
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight']) {
    await calendar.page.keyboard.press(key);
  }
  await expect(calendar.day('2009-11-25')).toBeFocused();
  await calendar.newEventButton.click();
  await expect(calendar.field('Starts')).toHaveValue('2009-11-25');
  await expect(calendar.field('Title')).toBeFocused();
  await calendar.panel.getByRole('button', { name: 'Cancel' }).click();

  // Another month: the day the grid shows selected there.
  await calendar.nextMonth('December 2009');
  await expect(calendar.grid.locator('[aria-selected="true"]')).toHaveAttribute('data-day', '2009-12-01');
  await calendar.newEventButton.click();
  await expect(calendar.field('Starts')).toHaveValue('2009-12-01');
  await expect(calendar.field('Title')).toBeFocused();
});
