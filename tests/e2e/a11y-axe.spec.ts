import type { Page } from '@playwright/test';
import { runCli } from '../support/cli';
import { BlogsPage } from './pages/BlogsPage';
import { CalendarPage } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { seriousAxeFindings } from './support/axe';
import { expect, test } from './support/fixtures';

// Issue 14: axe-core finds no WCAG 2.2 A/AA violation (of any impact) on any main screen, with
// its panels, menus and dialogs open, at the three window sizes the app is tried at.

// Both themes at the middle size; each theme at one of the other two.
const CASES = [
  { width: 1024, height: 700, theme: 'light' },
  { width: 1280, height: 800, theme: 'light' },
  { width: 1280, height: 800, theme: 'dark' },
  { width: 1920, height: 1080, theme: 'dark' },
] as const;

function cli(dataDir: string, ...args: string[]) {
  const result = runCli(args, { dataDir });
  expect(result.status, result.stderr).toBe(0);
}

async function expectClean(page: Page, screen: string, shots: string[]) {
  // Not even a moderate or minor finding: none needs justifying (issue 14's Tests asks either).
  expect(await seriousAxeFindings(page, undefined, true), `axe on ${screen}`).toEqual([]);
  const size = page.viewportSize()!;
  const theme = await page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
  const path = `test-results/a11y/${screen.replace(/\W+/g, '-')}-${size.width}x${size.height}-${theme}.png`;
  await page.screenshot({ path });
  shots.push(path);
}

for (const { theme, ...size } of CASES) {
  test(`axe: every main screen at ${size.width}×${size.height}, ${theme} theme`, async ({ app }) => {
    test.setTimeout(120_000);
    cli(app.dataDir, 'drafts', 'new', '--title', 'Harvest supper', '--md', '/dev/null');
    cli(app.dataDir, 'inbox', 'add', 'http://127.0.0.1:9/allotment', '--title', 'Allotment waiting list');
    cli(
      app.dataDir,
      'events',
      'add',
      '--title',
      'Beach clean',
      '--start',
      '2031-04-12T10:00',
      '--end',
      '2031-04-12T12:00',
    );
    cli(app.dataDir, 'settings', 'theme', theme);
    await app.restart();
    const page = await app.open();
    await page.setViewportSize(size);
    const shots: string[] = [];

    const drafts = new DraftsPage(page);
    await drafts.open();
    await expectClean(page, 'drafts list', shots);
    await drafts.row('Harvest supper').getByRole('button', { name: 'Actions for Harvest supper' }).click();
    await expect(page.getByRole('menu')).toBeVisible();
    await expectClean(page, 'draft menu', shots);
    await page.getByRole('menu').getByRole('menuitem', { name: 'Revisions…' }).click();
    await expect(drafts.revisionsDialog()).toBeVisible();
    await expectClean(page, 'revisions dialog', shots);
    await page.keyboard.press('Escape');
    await expect(drafts.revisionsDialog()).toBeHidden();
    await drafts.openDraft('Harvest supper');
    await drafts.editor.openPostPanel();
    await expectClean(page, 'draft with post panel', shots);

    const inbox = new InboxPage(page);
    await inbox.open();
    await inbox.row('http://127.0.0.1:9/allotment').getByRole('button').first().click();
    await expect(page.getByRole('complementary', { name: 'Link details' })).toBeVisible();
    await expectClean(page, 'inbox with link details', shots);
    await page.getByRole('button', { name: 'Build digest' }).click();
    await expect(page.getByRole('heading', { name: 'Build digest', level: 1 })).toBeVisible();
    await expectClean(page, 'digest', shots);
    await page.getByRole('button', { name: '← Inbox' }).click();

    const calendar = new CalendarPage(page);
    await calendar.open();
    await expectClean(page, 'calendar', shots);
    await calendar.newEventButton.click();
    await expect(calendar.panel).toBeVisible();
    await expectClean(page, 'calendar with event editor', shots);

    const blogs = new BlogsPage(page);
    await blogs.shell.open('Blogs');
    await expectClean(page, 'blogs', shots);
    await blogs.addButton.click();
    await expect(blogs.dialog).toBeVisible();
    await expectClean(page, 'add a blog dialog', shots);
    await page.keyboard.press('Escape');
    await expect(blogs.dialog).toBeHidden();
    await drafts.shell.open('Settings');
    await expectClean(page, 'settings', shots);
  });
}
