import { InboxPage } from './pages/InboxPage';
import { expect, test } from './support/fixtures';

// The seed's times are UTC, which is also the author's local time; the host inherits this.
process.env.TZ = 'UTC';

const FIXTURE = 'tests/fixtures/digest-2009-11-05';

test('the digest’s dates typed with the keyboard, a year typed twice and an end before the start', async ({
  app,
}) => {
  const page = await app.open();
  const inbox = new InboxPage(page);
  await inbox.open();
  await inbox.importFile(`${FIXTURE}/bookmarks.html`);
  await inbox.openDigest('2009-11-05', '2009-11-08');

  await expect(inbox.digestDate('from')).toHaveValue('2009-11-05');
  await expect(inbox.digestDate('to')).toHaveValue('2009-11-08');
  await expect(inbox.digestTitle()).toHaveText('Bookmarks for November 5th through November 8th');
  await expect(inbox.digestRows()).toHaveCount(5);

  // A person who goes on typing the year, on top of the first one, still has a four-digit year.
  const to = inbox.digestDate('to');
  await page.keyboard.type('2009', { delay: 30 });
  await expect(to).not.toHaveValue(/^\d{5}/);
  await inbox.typeDate(to, '2009-11-08');
  await expect(to).toHaveValue('2009-11-08');
  await expect(inbox.digestTitle()).toHaveText('Bookmarks for November 5th through November 8th');

  // An end before the start is said on the end date's field, in words, and the preview keeps its links.
  await inbox.typeDate(to, '2009-11-01');
  await expect(to).toHaveAttribute('aria-invalid', 'true');
  await expect(to).toHaveAccessibleDescription(
    'The end date (2009-11-01) is before the start date (2009-11-05).',
  );
  await expect(page.getByRole('button', { name: 'Create draft' })).toBeDisabled();
  await expect(page.getByText(/Wrong arguments|digest-preview|YYYY/)).toHaveCount(0);

  await inbox.typeDate(to, '2009-11-08');
  await expect(to).not.toHaveAttribute('aria-invalid', 'true');
  await expect(inbox.digestRows()).toHaveCount(5);
});
