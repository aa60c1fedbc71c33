import { runCliAsync } from '../support/cli';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { BlogsPage } from './pages/BlogsPage';
import { DraftsPage } from './pages/DraftsPage';
import { SIZES, saveScreenshot } from './support/layout';
import { expect, test } from './support/fixtures';
import { tabTo } from './support/typing';

/** The blog's next publish is refused for now: 429, come back in an hour (so it waits in the outbox). */
function refuseNextForAnHour(site: MicropubSite) {
  site.quirks.failNext = {
    status: 429,
    error: 'rate_limited',
    description: 'Too many posts; try again in an hour.',
    shape: 'oauth',
    retryAfterSeconds: 3600,
  };
}

test('a queued publish can be cancelled before it is sent or sent now, from the outbox, with the keyboard', async ({
  app,
}, testInfo) => {
  const site = await startMicropubSite();
  try {
    const added = await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], {
      dataDir: app.dataDir,
      input: site.auth.issueToken(),
    });
    expect(added.status, added.stderr).toBe(0);
    await app.restart();
    const page = await app.open();
    await page.setViewportSize({ width: 1280, height: 800 });
    const drafts = new DraftsPage(page);
    await drafts.open();

    for (const [title, text] of [
      ['The pier at dusk', 'The West Pier, from the beach.'],
      ['Low tide walk', 'Two miles along the sand.'],
    ] as const) {
      refuseNextForAnHour(site);
      await drafts.newDraft(title);
      await drafts.editor.focusEnd();
      await drafts.editor.type(text);
      await drafts.editor.press('Control+Enter');
      // The open draft says where its publish is: waiting, why, and what can be done.
      const strip = page.getByRole('status', { name: 'Outbox', exact: true });
      await expect(strip).toContainText(`Waiting to go to`);
      await expect(strip).toContainText('HTTP 429');
      await expect(strip.getByRole('button', { name: 'Cancel this publish' })).toBeVisible();
    }
    expect(site.posts.posts.size).toBe(0);

    await page.keyboard.press('Control+5');
    const blogs = new BlogsPage(page);
    await expect(blogs.outboxEntry('The pier at dusk')).toContainText('Queued');
    await expect(blogs.outboxEntry('Low tide walk')).toContainText('Queued');

    // Cancel: the publish that has not gone out is taken back, and says so.
    await tabTo(page.getByRole('button', { name: 'Cancel “Low tide walk”' }));
    await page.keyboard.press('Enter');
    const cancelled = blogs.outboxEntry('Low tide walk');
    await expect(cancelled).toContainText('Cancelled');
    await expect(cancelled).toContainText('Cancelled before it was sent.');
    await expect(cancelled.getByRole('button')).toHaveCount(0);
    await expect(cancelled, 'the focus stays on the row, not back at the page’s start').toBeFocused();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await saveScreenshot(page, testInfo, 'outbox');
    }

    // Retry now: the other one goes out at once instead of in an hour.
    await page.setViewportSize({ width: 1280, height: 800 });
    await tabTo(page.getByRole('button', { name: 'Retry “The pier at dusk” now' }));
    await page.keyboard.press('Enter');
    const sent = blogs.outboxEntry('The pier at dusk');
    await expect(sent).toContainText('Done');
    await expect(sent.getByRole('link', { name: 'view post' })).toBeVisible();
    // A publish that had to wait is announced when it goes out (a toast here, natively in Electron).
    await expect(page.locator('.toast')).toContainText('“The pier at dusk” went out from the outbox.');
    expect([...site.posts.posts.values()].map((post) => post.properties.name)).toEqual([
      ['The pier at dusk'],
    ]);
    await expect(cancelled).toContainText('Cancelled');

    // The cancelled draft is a draft again: its Publish is there to use.
    await page.keyboard.press('Control+1');
    await drafts.openDraft('Low tide walk');
    await expect(drafts.editor.publishButton).toHaveText('Publish');
  } finally {
    await site.close();
  }
});
