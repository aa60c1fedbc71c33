import { runCli } from '../support/cli';
import type { FoundEvent } from '../../shared/events/extract-events';
import { EventsInPostPanel } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The next 27 November from today, as the app must place a yearless date in an undated draft. */
function next27November(): { year: number; weekday: string } {
  const now = new Date();
  const thisYear = new Date(now.getFullYear(), 10, 27);
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const year = thisYear < today ? now.getFullYear() + 1 : now.getFullYear();
  return { year, weekday: WEEKDAYS[new Date(year, 10, 27).getDay()]! };
}

test('a seed event typed into a new draft: placed in a year the author can see and check, placed again when the post gets a date', async ({
  app,
}) => {
  test.setTimeout(120_000);
  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await drafts.newDraft('Web skills workshop');
  const editor = drafts.editor;
  await editor.focusEnd();
  await editor.type('Socitm will be holding a workshop on Tuesday 27 November.');

  // No post date yet: the next 27 November, its year shown, and the weekday that does not match said beside it.
  const events = new EventsInPostPanel(page);
  const { year, weekday } = next27November();
  const proposal = events.item(`27 November ${year}`);
  await expect(proposal).toBeVisible();
  await expect(proposal).toContainText(`${weekday} 27 November ${year}`);
  if (weekday !== 'Tuesday') {
    await expect(proposal).toContainText(`27 November ${year} is a ${weekday}, not a Tuesday.`);
  }

  // The post is dated 16 November 2009 (typed into the date field): the proposal moves to 2009.
  await editor.openPostPanel();
  const date = editor.postPanel.getByLabel('Publish date');
  await date.click({ position: { x: 12, y: 10 } });
  await page.keyboard.type('11162009', { delay: 20 });
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('0900AM', { delay: 20 });
  await expect(date).toHaveValue('2009-11-16T09:00');
  const placed = events.item('Friday 27 November 2009');
  await expect(placed).toBeVisible();
  await expect(placed).toContainText('27 November 2009 is a Friday, not a Tuesday.');
  await expect(events.items()).toHaveCount(1);

  // Added to the calendar and listed in the post as upcoming events: still one event, here and on the CLI.
  await events.addToCalendar('Friday 27 November 2009', async (form) => {
    await expect(form.getByLabel('Title')).toHaveValue('Web skills workshop');
  });
  await editor.focusEnd();
  await editor.press('Enter');
  await events.insertUpcoming('2009-11-16', '2009-12-31');
  await expect(page.getByTestId('upcoming-events-block')).toContainText('Web skills workshop');
  await editor.saveNow();
  await expect(events.items()).toHaveCount(1);
  const [draft] = runCli(['drafts', 'list', '--json'], { dataDir: app.dataDir }).json<{ id: string }[]>();
  const fromCli = runCli(['events', 'extract', draft!.id, '--json'], { dataDir: app.dataDir }).json<
    FoundEvent[]
  >();
  expect(fromCli.map((event) => event.start)).toEqual(['2009-11-27']);
});
