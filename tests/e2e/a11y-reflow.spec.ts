import type { Locator } from '@playwright/test';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { BlogsPage } from './pages/BlogsPage';
import { CalendarPage } from './pages/CalendarPage';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';
import { expectNoSidewaysScroll, saveScreenshot } from './support/layout';
import { EVENT_POST, seedLibrary } from './support/seed-library';

// Issue 14.6 (WCAG 1.4.10): a 1280 px window at 200% and 400% zoom is 640 and 320 CSS px wide.
// Every main screen reflows: nothing scrolls sideways, and what a person came to the screen for
// (the sections, the writing area, Publish, the screen's main action) is on screen or a scroll away.
test.describe.configure({ timeout: 90_000 });
process.env.TZ = 'UTC';

let site: MicropubSite;
test.beforeAll(async () => {
  site = await startMicropubSite();
});
test.afterAll(async () => {
  await site.close();
});

/** On screen (rounding aside) once scrolled to (up and down only), and not covered by anything else. */
async function expectReachable(name: string, control: Locator) {
  await control.scrollIntoViewIfNeeded();
  await expect(control, `${name} is on screen`).toBeInViewport({ ratio: 0.9 });
  const uncovered = await control.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return hit !== null && element.contains(hit);
  });
  expect(uncovered, `${name} is not covered`).toBe(true);
}

for (const size of [
  { width: 640, height: 400 },
  { width: 320, height: 256 },
]) {
  test(`every main screen reflows at ${size.width}×${size.height} CSS px`, async ({ app }, testInfo) => {
    await seedLibrary(app.dataDir, site);
    await app.restart();
    const page = await app.open();
    await page.setViewportSize(size);
    const look = async (name: string) => {
      await expectNoSidewaysScroll(page);
      await saveScreenshot(page, testInfo, name);
    };
    const drafts = new DraftsPage(page);
    await drafts.open();
    for (const section of ['Drafts', 'Inbox', 'Calendar', 'Blogs', 'Settings'])
      await expectReachable(section, drafts.shell.sidebar.getByRole('button', { name: section }));
    await look('drafts');

    await drafts.openDraft(EVENT_POST.title);
    const editor = drafts.editor;
    await expect(editor.body).toBeVisible();
    expect((await editor.body.boundingBox())!.width).toBeGreaterThanOrEqual(size.width * 0.55);
    await expectReachable('Publish', editor.publishButton);
    await look('editor');
    await editor.openPostPanel();
    await expectReachable('Publish with the panel open', editor.publishButton);
    await expectReachable('the panel’s first field', editor.postPanel.getByLabel('Blog'));
    await look('editor-panel');
    await page.getByRole('button', { name: 'Hide post settings' }).click();
    await expect(editor.postPanel).toBeHidden();
    await expect(editor.body).toBeVisible();

    const inbox = new InboxPage(page);
    await inbox.open();
    await expectReachable('add a link', inbox.quickAdd);
    await expectReachable('build digest', page.getByRole('button', { name: 'Build digest' }));
    await expectReachable('first link', inbox.list.getByRole('listitem').first());
    await look('inbox');

    const calendar = new CalendarPage(page);
    await calendar.open();
    await expectReachable('new event', calendar.newEventButton);
    await expectReachable('next month', page.getByRole('button', { name: 'Next month' }));
    await look('calendar');

    const blogs = new BlogsPage(page);
    await blogs.shell.open('Blogs');
    await expectReachable('add a blog', blogs.addButton);
    await look('blogs');
  });
}
