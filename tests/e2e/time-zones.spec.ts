import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { runCli } from '../support/cli';
import { startHostProcess } from './support/browser-host-process';
import { CalendarPage } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';
import { typeDateTime, typeTime } from './support/typing';

/**
 * Issue 12, item 8: an author in Auckland writes a dated post and adds an evening event; the data
 * folder is synced to a machine in Los Angeles. The reader there sees the post at the day and time it
 * was set, its zone named, and the event on the evening it falls on here, with its own time and zone.
 */
async function withAppIn(
  browser: Browser,
  dataDir: string,
  zone: string,
  use: (page: Page) => Promise<void>,
): Promise<void> {
  const host = await startHostProcess(dataDir, { TZ: zone });
  const context = await browser.newContext({ timezoneId: zone, viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(host.url);
    await use(page);
  } finally {
    await context.close();
    await host.stop();
  }
}

test('a post and an event made in Auckland, read in Los Angeles: the day and time they were set, the zone named, the event on its evening here', async ({
  workerBrowser,
  hostKind,
}) => {
  test.skip(hostKind !== 'browser', 'the host process and the browser context set the time zone');
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-zones-'));
  try {
    await withAppIn(workerBrowser, dataDir, 'Pacific/Auckland', async (page) => {
      const drafts = new DraftsPage(page);
      await drafts.open();
      await drafts.newDraft('Dated in Auckland');
      await drafts.editor.openPostPanel();
      await typeDateTime(drafts.editor.postPanel.getByLabel('Publish date'), '2026-03-05T09:30');
      await drafts.editor.saveNow();

      const calendar = new CalendarPage(page);
      await calendar.open();
      await calendar.goToMonth('2026-03', 'March 2026');
      await calendar.day('2026-03-05').click();
      await expect(calendar.field('Title')).toBeFocused();
      await page.keyboard.type('Evening talk');
      await typeTime(calendar.field('Start time'), '19:00');
      await typeTime(calendar.field('End time'), '20:30');
      await expect(calendar.field('Time zone')).toHaveValue('Pacific/Auckland');
      await calendar.save();
      // At home the event is where it was put, its time with no zone to name.
      const atHome = calendar.eventOn('2026-03-05', 'Evening talk');
      await expect(atHome).toHaveText('19.00 Evening talk');
      await expect(calendar.day('2026-03-05')).not.toContainText('Pacific/Auckland');
    });

    await withAppIn(workerBrowser, dataDir, 'America/Los_Angeles', async (page) => {
      const drafts = new DraftsPage(page);
      await drafts.open();
      await drafts.openDraft('Dated in Auckland');
      await drafts.editor.openPostPanel();
      await expect(drafts.editor.postPanel.getByLabel('Publish date')).toHaveValue('2026-03-05T09:30');
      await expect(drafts.editor.postPanel).toContainText('Time in UTC+13:00, the zone the date was set in.');

      const calendar = new CalendarPage(page);
      await calendar.open();
      await calendar.goToMonth('2026-03', 'March 2026');
      // 19:00–20:30 on Thursday 5 March in Auckland is 22:00–23:30 on Wednesday 4 March here.
      const here = calendar.eventOn('2026-03-04', 'Evening talk');
      await expect(here).toContainText('22.00 Evening talk');
      await expect(here).toHaveAccessibleDescription('Thursday 5 March, 19.00 Pacific/Auckland');
      await expect(calendar.day('2026-03-04')).toContainText('Thursday 5 March, 19.00 Pacific/Auckland');
      await expect(calendar.day('2026-03-05').getByRole('button')).toHaveCount(0);
      await expect(calendar.day('2026-03-04')).toHaveAccessibleName('Wednesday 4 March 2026, 1 event');

      // The agenda names the zone and says when that is here, like `events list`.
      await calendar.showAgenda();
      const row = page.getByRole('button', { name: /Evening talk/ });
      await expect(row).toContainText('Thursday 5 March 2026, 19.00–20.30');
      await expect(row).toContainText('Pacific/Auckland time; here Wednesday 4 March 2026, 22.00');

      // Opened, it is edited in its own zone, as it was set.
      await row.click();
      await expect(calendar.field('Starts')).toHaveValue('2026-03-05');
      await expect(calendar.field('Start time')).toHaveValue('19:00');
      await expect(calendar.field('Time zone')).toHaveValue('Pacific/Auckland');
    });

    // The CLI in Los Angeles lists it for its local day, not for Auckland's.
    const env = { TZ: 'America/Los_Angeles' };
    const day = (date: string) =>
      runCli(['events', 'list', '--from', date, '--to', date, '--json'], { dataDir, env }).json<
        { event: { title: string } }[]
      >();
    expect(day('2026-03-04').map((entry) => entry.event.title)).toEqual(['Evening talk']);
    expect(day('2026-03-05')).toEqual([]);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
