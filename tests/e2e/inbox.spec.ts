import { readFileSync } from 'node:fs';
import { startLinkPages, type PageServer } from '../support/link-pages';
import { DraftsPage } from './pages/DraftsPage';
import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';

// The seed's times are UTC, which is also the author's local time; the host inherits this.
process.env.TZ = 'UTC';

const FIXTURE = 'tests/fixtures/digest-2009-11-05';
const collapse = (html: string) => html.replace(/>\s+</g, '><').trim();

let pages: PageServer;
test.beforeAll(async () => {
  pages = await startLinkPages();
});
test.afterAll(async () => {
  await pages.close();
});

test('links dropped from another page, pasted and typed arrive at once and get their titles', async ({
  app,
}) => {
  const page = await app.open();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const inbox = new InboxPage(page);
  await inbox.open();

  const source = await page.context().newPage();
  await source.goto(`${pages.origin}/source`);
  const cafe = await InboxPage.pickUp(source, '#cafe');
  const anchor = await InboxPage.pickUp(source, '#anchor');
  const og = await InboxPage.pickUp(source, '#og');
  await source.close();

  // One drop, three links, each in a different type: uri-list, an HTML anchor, a URL in plain text.
  await inbox.dropLinks({ uriList: cafe.uriList, html: anchor.html, plain: `see ${og.plain} too` });
  await inbox.waitForTitle(`${pages.origin}/cafe-1252`, 'Café “Crème” – l’été');
  await inbox.waitForTitle(`${pages.origin}/og-only`, 'Only Open Graph');
  await inbox.waitForTitle(`${pages.origin}/script-title?from=anchor`, 'Anchor text as the title');

  await inbox.paste(`${pages.origin}/no-title`);
  const untitled = inbox.row(`${pages.origin}/no-title`);
  await expect(untitled).toContainText('The page has no title.');
  await inbox.waitForTitle(`${pages.origin}/no-title`, `${pages.origin}/no-title`);

  // Hostile pages: a script in the title stays text; a redirect to file: fails with its reason.
  await inbox.add(`${pages.origin}/script-title`);
  await inbox.waitForTitle(
    `${pages.origin}/script-title`,
    '<script>window.pwned = true; alert(1)</script>Hello <b>there</b>',
  );
  await inbox.add(`${pages.origin}/to-file`);
  const refused = inbox.row(`${pages.origin}/to-file`);
  await expect(refused).toContainText('Couldn’t fetch: The page redirected to a file: address');
  await expect(refused.getByRole('button', { name: 'Retry' })).toBeVisible();
  expect(await page.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  await expect(inbox.count).toHaveText('6 links');

  // Edit, then delete with undo.
  await inbox.row(`${pages.origin}/og-only`).locator('.link-row__main').click();
  const comment = page.getByLabel('Your comment');
  await comment.click();
  await page.keyboard.type('Worth a read.');
  // Tab on to the next field: the comment is kept as the focus leaves it.
  await page.keyboard.press('Tab');
  await inbox
    .row(`${pages.origin}/og-only`)
    .getByRole('button', { name: /^Delete/ })
    .click();
  await expect(inbox.row(`${pages.origin}/og-only`)).toHaveCount(0);
  await inbox.toast.getByRole('button', { name: 'Undo' }).click();
  await expect(inbox.row(`${pages.origin}/og-only`)).toBeVisible();
  await inbox.row(`${pages.origin}/og-only`).locator('.link-row__main').click();
  await expect(page.getByLabel('Your comment')).toHaveValue('Worth a read.');

  // Everything survives a restart of the host.
  await app.restart();
  const again = new InboxPage(await app.open());
  await again.open();
  await expect(again.count).toHaveText('6 links');
  await again.waitForTitle(`${pages.origin}/cafe-1252`, 'Café “Crème” – l’été');
});

test('importing the seed’s bookmarks and building its digest gives the seed’s post', async ({ app }) => {
  const page = await app.open();
  const inbox = new InboxPage(page);
  await inbox.open();
  await inbox.importFile(`${FIXTURE}/bookmarks.html`);
  await expect(inbox.count).toHaveText('5 links');
  await inbox.importFile(`${FIXTURE}/inbox.json`);
  await expect(inbox.toast).toContainText('0 added, 5 already there and merged');

  await inbox.openDigest('2009-11-05', '2009-11-08');
  await expect(inbox.digestRows()).toHaveCount(5);
  const expectedTitle = readFileSync(`${FIXTURE}/expected-title.txt`, 'utf8').trim();
  const expectedBody = collapse(readFileSync(`${FIXTURE}/expected-body.html`, 'utf8'));
  await expect(inbox.digestTitle()).toHaveText(expectedTitle);
  await expect.poll(async () => collapse(await inbox.digestBody().innerHTML())).toBe(expectedBody);

  // Reorder by keyboard, leave one out, and put it all back.
  const firstHandle = inbox.digestRows().first().getByRole('button', { name: /^Move/ });
  await firstHandle.press('Alt+ArrowDown');
  await expect(inbox.digestBody().locator('li').first()).toContainText('Prefinery');
  await inbox.digestRows().nth(1).getByRole('button', { name: /^Move/ }).press('Alt+ArrowUp');
  await expect(inbox.digestBody().locator('li').first()).toContainText('data.govt.nz');
  await inbox.digestRows().nth(2).getByRole('checkbox').uncheck();
  await expect(inbox.digestBody()).not.toContainText('GovHack');
  await inbox.digestRows().nth(2).getByRole('checkbox').check();
  await expect.poll(async () => collapse(await inbox.digestBody().innerHTML())).toBe(expectedBody);

  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(inbox.toast).toContainText(`Draft “${expectedTitle}” created with 5 links`);
  await expect(inbox.digestRows()).toHaveCount(0);

  const drafts = new DraftsPage(page);
  await drafts.open();
  await expect(drafts.row(expectedTitle)).toBeVisible();
});

test('the bookmarklet’s address adds the page with its title and selected text', async ({ app }) => {
  const first = await app.open();
  const url = `${pages.origin}/og-only`;
  const origin = new URL(first.url()).origin;
  const params = new URLSearchParams({ url, title: 'From the bookmarklet', quote: 'The words I selected' });
  // What window.open from the bookmarklet does: a new window at the app's address.
  const page = await first.context().newPage();
  await page.goto(`${origin}/#add?${params.toString()}`);
  const inbox = new InboxPage(page);
  await inbox.shell.waitUntilReady();
  await inbox.waitForTitle(url, 'From the bookmarklet');
  await inbox.row(url).locator('.link-row__main').click();
  await expect(page.getByLabel('Quote (description)')).toHaveValue('The words I selected');
  expect(new URL(page.url()).hash).toBe('');

  // Again in the same window (it is named, so the browser reuses it): only the fragment changes.
  const second = `${pages.origin}/cafe-1252`;
  await page.evaluate(
    (next) => (location.hash = next),
    `#add?${new URLSearchParams({ url: second }).toString()}`,
  );
  await inbox.waitForTitle(second, 'Café “Crème” – l’été');
});
