import { runCliAsync } from '../support/cli';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { DigestSchedulePage } from './pages/DigestSchedulePage';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll, saveScreenshot, VIEWPORTS } from './support/layout';
import { typeDate } from './support/typing';

// The seed's times are UTC, which is also the author's local time; the host inherits this.
process.env.TZ = 'UTC';
test.describe.configure({ timeout: 180_000 });

const FIXTURE = 'tests/fixtures/digest-2009-11-05/bookmarks.html';
let blog: FakeBlog;

test.beforeAll(async () => {
  blog = await startFakeBlog();
});
test.afterAll(async () => {
  await blog.close();
});

async function cli(dataDir: string, args: string[], input = '') {
  const result = await runCliAsync(args, { dataDir, input, env: { TZ: 'UTC' } });
  if (result.status !== 0) throw new Error(`postwright ${args.join(' ')} failed: ${result.stderr}`);
  return result;
}

/** The blog and the seed's five links of 5–8 November 2009, then the app started over them. */
async function libraryWithBlog(dataDir: string): Promise<string> {
  const added = await cli(
    dataDir,
    ['blogs', 'add', blog.homeUrl, '--user', 'author', '--password-stdin', '--json'],
    'secret\n',
  );
  await cli(dataDir, ['inbox', 'import', FIXTURE]);
  return added.json<{ blog: { id: string } }>().blog.id;
}

test('a schedule set with the keyboard: a week ending on Friday, two links at least, one tag, a reminder', async ({
  app,
}, testInfo) => {
  await libraryWithBlog(app.dataDir);
  await app.restart();
  const page = await app.open();
  const schedules = new DigestSchedulePage(page);
  await schedules.open();
  await expect(schedules.blog('Fake blog')).toContainText(
    'No digest schedule: digests are made by hand from the Inbox.',
  );

  await schedules.edit('Fake blog');
  await schedules.chooseWithKeys(schedules.field('Fake blog', 'The week ends on'), 'Friday');
  await expect(schedules.field('Fake blog', 'Title')).toHaveValue('Bookmarks for {start} through {end}');
  await schedules.typeInto(schedules.field('Fake blog', 'At least (links)'), '60');
  await schedules.typeInto(schedules.field('Fake blog', 'Only links tagged'), 'localgov, opendata');
  // Tab on from the tags to the first choice, then the arrow keys move within it.
  await page.keyboard.press('Tab');
  await expect(schedules.field('Fake blog', 'Draft the digest')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(schedules.field('Fake blog', 'Only remind me')).toBeChecked();

  // More at least than at most: said in words, on the form, and nothing is saved.
  await page.keyboard.press('Enter');
  await expect(schedules.form('Fake blog').getByRole('alert')).toHaveText(
    'At least 60 links is more than at most 50: lower the first or raise the second.',
  );
  await schedules.typeInto(schedules.field('Fake blog', 'At least (links)'), '2');
  await page.keyboard.press('Enter');

  await expect(schedules.saved).toHaveText('The schedule for Fake blog was saved.');
  await expect(schedules.blog('Fake blog')).toContainText(
    /A digest weekly, ending on Friday, links tagged localgov, opendata, 2 to 50 links\. The next, for \d+ \w+ – \d+ \w+ \d{4}, is due Saturday \d+ \w+ at 00:00\./,
  );

  // The CLI sees the same schedule.
  const shown = await cli(app.dataDir, ['digest', 'schedule']);
  expect(shown.stdout).toContain('weekly, ending on Friday');
  expect(shown.stdout).toContain('2 to 50 links, tags localgov, opendata; a reminder only');

  // Changed to monthly; the weekday goes, since a month ends when it ends.
  await schedules.edit('Fake blog');
  await schedules.chooseWithKeys(schedules.field('Fake blog', 'Comes round'), 'Every month');
  await expect(schedules.field('Fake blog', 'The week ends on')).toHaveCount(0);
  for (const size of VIEWPORTS.slice(0, 3)) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page);
    await schedules.form('Fake blog').scrollIntoViewIfNeeded();
    await saveScreenshot(page, testInfo, 'digest-schedule-form');
  }
  await schedules.field('Fake blog', 'Only links tagged').focus();
  await page.keyboard.press('Enter');
  await expect(schedules.blog('Fake blog')).toContainText(/A digest monthly, at the end of each month/);
});

test('weeks that ended while the app was closed: drafted on start, told in a notice, opened from it', async ({
  app,
}, testInfo) => {
  const blogId = await libraryWithBlog(app.dataDir);
  await cli(app.dataDir, ['digest', 'schedule', blogId, '--weekly', 'sunday', '--starts', '2009-11-02']);
  await app.restart();
  const page = await app.open();
  const schedules = new DigestSchedulePage(page);
  const notice = schedules.notice('Bookmarks for November 2nd through November 8th');
  await expect(notice).toHaveText(
    /“Bookmarks for November 2nd through November 8th” was drafted for Fake blog with 5 links: review it and publish\./,
  );
  await expect(schedules.notices.locator('.digest-notice')).toHaveCount(1);
  for (const size of VIEWPORTS.slice(0, 3)) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, testInfo, 'digest-notice');
  }

  await notice.getByRole('button', { name: 'Open the draft' }).focus();
  await page.keyboard.press('Enter');
  const drafts = new DraftsPage(page);
  await expect(drafts.editor.title).toHaveValue('Bookmarks for November 2nd through November 8th');
  await expect(drafts.editor.body).toContainText(
    'Awesomeness off of the internet for November 2nd to November 8th:',
  );
  await expect(schedules.notices).toHaveCount(0);

  // Started again: nothing is drafted twice.
  await app.restart();
  const again = await app.open();
  await new DraftsPage(again).shell.waitUntilReady();
  const listed = await cli(app.dataDir, ['drafts', 'list', '--json']);
  expect(
    listed.json<{ title: string }[]>().filter((draft) => draft.title.startsWith('Bookmarks')),
  ).toHaveLength(1);
  await expect(again.getByRole('region', { name: 'Digest notices' })).toHaveCount(0);
});

test('a reminder names the links waiting; “Draft it now” makes the draft and the reminder goes', async ({
  app,
}) => {
  const blogId = await libraryWithBlog(app.dataDir);
  await cli(app.dataDir, [
    'digest',
    'schedule',
    blogId,
    '--weekly',
    'sunday',
    '--starts',
    '2009-11-02',
    '--remind',
  ]);
  await app.restart();
  const page = await app.open();
  const schedules = new DigestSchedulePage(page);
  const notice = schedules.notice('The digest for 2 November – 8 November 2009 is due');
  await expect(notice).toContainText(
    'The digest for 2 November – 8 November 2009 is due for Fake blog: 5 links are waiting.',
  );
  await notice.getByRole('button', { name: 'Draft it now' }).focus();
  await page.keyboard.press('Enter');
  const drafts = new DraftsPage(page);
  await expect(drafts.editor.title).toHaveValue('Bookmarks for November 2nd through November 8th');
  await expect(schedules.notices).toHaveCount(0);
});

test('a link re-dated by typing its day moves to the next week’s digest', async ({ app }) => {
  const blogId = await libraryWithBlog(app.dataDir);
  await app.restart();
  const page = await app.open();
  const inbox = new InboxPage(page);
  await inbox.open();
  await inbox.row('http://data.govt.nz/').locator('.link-row__main').click();
  const details = page.getByRole('complementary', { name: 'Link details' });
  const added = details.getByLabel('Added on (its digest period)');
  await expect(added).toHaveValue('2009-11-05');
  await typeDate(added, '2009-11-10');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => {
      const links = (await cli(app.dataDir, ['inbox', 'list', '--json'])).json<
        { url: string; addedAt: string }[]
      >();
      return links.find((link) => link.url === 'http://data.govt.nz/')?.addedAt;
    })
    .toBe('2009-11-10T10:12:00.000Z');

  // The schedule set from the CLI while the app runs: the app drafts both weeks at once.
  await cli(app.dataDir, ['digest', 'schedule', blogId, '--weekly', 'sunday', '--starts', '2009-11-02']);
  const schedules = new DigestSchedulePage(page);
  await expect(schedules.notice('November 2nd through November 8th')).toContainText('with 4 links');
  await expect(schedules.notice('November 9th through November 15th')).toContainText('with 1 link:');
});

test('a link dragged onto a digest period in the inbox is re-dated into it', async ({ app }, testInfo) => {
  const blogId = await libraryWithBlog(app.dataDir);
  const set = await cli(app.dataDir, ['digest', 'schedule', blogId, '--weekly', 'sunday', '--json']);
  const thisPeriod = set.json<{ schedules: { next: { from: string } }[] }>().schedules[0]!.next.from;
  await app.restart();
  const page = await app.open();
  const inbox = new InboxPage(page);
  await inbox.open();
  const periods = page.getByRole('list', { name: 'Digest periods' });
  await expect(periods.getByRole('listitem')).toHaveCount(4);
  for (const size of VIEWPORTS.slice(0, 3)) {
    await page.setViewportSize(size);
    await expectNoSidewaysScroll(page);
    await saveScreenshot(page, testInfo, 'inbox-digest-periods');
  }
  const current = periods.getByRole('listitem').filter({ hasText: 'This period:' });

  await inbox.row('http://data.govt.nz/').dragTo(current);
  await expect(inbox.row('http://data.govt.nz/').locator('time')).toHaveAttribute(
    'datetime',
    `${thisPeriod}T10:12:00.000Z`,
  );
  // What the author reads on the row: the new day.
  const shown = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric' });
  await expect(inbox.row('http://data.govt.nz/').locator('time')).toHaveText(
    shown.format(new Date(`${thisPeriod}T12:00:00Z`)),
  );
});
