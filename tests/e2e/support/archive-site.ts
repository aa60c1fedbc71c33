import type { Page } from '@playwright/test';
import { runCliAsync } from '../../support/cli';
import { startMicropubSite, type MicropubSite } from '../../support/micropub-server/micropub-site';
import { ArchivePage } from '../pages/ArchivePage';
import { DraftsPage } from '../pages/DraftsPage';
import { expect, test, type AppUnderTest } from './fixtures';

/**
 * The blog whose archive a test pulls: a Micropub test site per test, closed after it (or by the
 * test, `offline`, to take the network away). `start` gives the site and a token for it.
 */
export function useArchiveSite() {
  let site: MicropubSite | undefined;
  const offline = async () => {
    await site?.close();
    site = undefined;
  };
  test.afterEach(offline);
  return {
    start: async () => {
      site = await startMicropubSite();
      return { site, token: site.auth.issueToken() };
    },
    offline,
  };
}

/** Publishes an h-entry straight to the site, as another client of the blog would. */
export function postEntry(site: MicropubSite, token: string, properties: Record<string, unknown>) {
  return fetch(site.micropubUrl, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: ['h-entry'], properties }),
  });
}

/** Adds the site as a blog from the terminal, its token pasted. */
export async function addBlogByCli(app: AppUnderTest, site: MicropubSite, token: string) {
  const added = await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], {
    dataDir: app.dataDir,
    input: token,
  });
  expect(added.status, added.stderr).toBe(0);
}

/** Opens the app and goes to Blogs, where the archive of the blog named `blogName` is. */
export async function openArchive(
  app: AppUnderTest,
  blogName = 'Test site',
): Promise<{ page: Page; drafts: DraftsPage; archive: ArchivePage }> {
  const page = await app.open();
  // The app is up (its keys listen) once the drafts show.
  const drafts = new DraftsPage(page);
  await drafts.open();
  const archive = new ArchivePage(page, blogName);
  await archive.runCommand('Go to Blogs');
  return { page, drafts, archive };
}
