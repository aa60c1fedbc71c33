import { runCliAsync } from '../support/cli';
import { startLinkPages } from '../support/link-pages';
import { startMicropubSite } from '../support/micropub-server/micropub-site';
import { BlogsPage } from './pages/BlogsPage';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';

test('the status bar says what waits in the outbox and when it is tried next, and opens the outbox', async ({
  app,
}) => {
  // A blog that was there when it was added and is gone now (the site is down).
  const site = await startMicropubSite();
  const added = await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], {
    dataDir: app.dataDir,
    input: site.auth.issueToken(),
  });
  expect(added.status, added.stderr).toBe(0);
  await site.close();
  await app.restart();

  const page = await app.open();
  const drafts = new DraftsPage(page);
  await drafts.open();
  await expect(drafts.shell.statusBar).toContainText('No background work');
  await drafts.newDraft('The pier at dusk');
  await drafts.editor.focusEnd();
  await drafts.editor.type('The West Pier, from the beach.');
  await drafts.editor.publishButton.click();
  await expect(drafts.editor.publishStatus).toContainText('Waiting in the outbox');

  const waiting = drafts.shell.statusBar.getByRole('button', { name: /waits in the outbox/ });
  await expect(waiting).toHaveText(/^1 post waits in the outbox, next try at \d{1,2}:\d{2}(:\d{2})?/);
  await expect(drafts.shell.statusBar).not.toContainText('No background work');
  await waiting.click();
  const blogs = new BlogsPage(page);
  await expect(blogs.shell.section('Blogs')).toHaveAttribute('aria-current', 'page');
  await expect(blogs.outbox.getByRole('listitem').filter({ hasText: 'The pier at dusk' })).toContainText(
    'Queued',
  );
  await expect(page.getByRole('heading', { name: 'Outbox' })).toBeFocused();
});

test('the status bar says when link titles are being fetched', async ({ app }) => {
  const pages = await startLinkPages();
  try {
    const inbox = new InboxPage(await app.open());
    await inbox.open();
    // A page that sends its title a byte at a time: the fetch runs until its deadline.
    await inbox.add(`${pages.origin}/slow`);
    await expect(inbox.shell.statusBar).toContainText('Fetching the title of 1 link');
    await expect(inbox.shell.statusBar).not.toContainText('No background work');
  } finally {
    await pages.close();
  }
});
