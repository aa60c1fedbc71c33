import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { startLinkPages, type PageServer } from '../support/link-pages';
import { InboxPage } from './pages/InboxPage';
import { startHostProcess } from './support/browser-host-process';
import { expect, test } from './support/fixtures';

let pages: PageServer;
test.beforeAll(async () => {
  pages = await startLinkPages();
});
test.afterAll(async () => {
  await pages.close();
});

/** Clicks the bookmarklet on `source` (its code runs in that page) and returns the window it opens. */
async function clickBookmarklet(context: BrowserContext, source: Page, code: string): Promise<Page> {
  const opened = context.waitForEvent('page');
  await source.evaluate(decodeURIComponent(code.replace(/^javascript:/, '')));
  const popup = await opened;
  await popup.waitForLoadState();
  return popup;
}

test('the bookmarklet from another site adds its page; after a restart its address still answers, and says what to do', async ({
  workerBrowser,
  hostKind,
}) => {
  test.skip(
    hostKind === 'electron',
    'the desktop app’s bookmarklet opens postwright:// links, not a host address',
  );
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-e2e-bookmarklet-'));
  let host = await startHostProcess(dataDir, {}, { port: 'remembered' });
  const context = await workerBrowser.newContext();
  try {
    const app = await context.newPage();
    await app.goto(host.url);
    const inbox = new InboxPage(app);
    await inbox.open();
    await app.getByRole('button', { name: 'Bookmarklet' }).click();
    const bookmarklet = app.locator('a.bookmarklet');
    // Its label is drawn from characters every font has (a full-width ＋ showed as a box).
    await expect(bookmarklet).toHaveText(/^[\x20-\x7E]+$/);
    const code = (await bookmarklet.getAttribute('href'))!;
    expect(code).toContain(`127.0.0.1:${host.port}`);

    // "localhost" is another site than 127.0.0.1, as any page on the web is.
    const source = await context.newPage();
    await source.goto(`http://localhost:${pages.port}/source`);
    const popup = await clickBookmarklet(context, source, code);
    const inPopup = new InboxPage(popup);
    await inPopup.shell.waitUntilReady();
    await inPopup.waitForTitle(`http://localhost:${pages.port}/source`, 'Reading list');
    await popup.close();

    // The next day: Postwright starts again on the same port, so yesterday's bookmarklet still reaches it.
    const yesterday = host.port;
    await host.stop();
    host = await startHostProcess(dataDir, {}, { port: 'remembered' });
    expect(host.port).toBe(yesterday);
    // This browser still holds the key of the last run: the page says so, in words, and what to do.
    const refused = await clickBookmarklet(context, source, code);
    await expect(refused.locator('body')).toContainText('Postwright was restarted');
    await expect(refused.locator('body')).toContainText('open the address it printed');
    await refused.close();

    // Once Postwright is opened from the address it printed, the same bookmarklet works again.
    await app.goto(host.url);
    await new InboxPage(app).shell.waitUntilReady();
    const again = await clickBookmarklet(context, source, code);
    await new InboxPage(again).shell.waitUntilReady();
    await expect(again.locator('.toast')).toContainText('already in the inbox');
  } finally {
    await context.close();
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
