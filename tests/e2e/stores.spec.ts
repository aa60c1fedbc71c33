import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../support/cli';
import { AppShell } from './pages/AppShell';
import { DraftsPage } from './pages/DraftsPage';
import { ProblemNotices } from './pages/ProblemNotices';
import { expect, test } from './support/fixtures';

test('a settings file that cannot be read is set aside at start, and the author is told where until they dismiss it', async ({
  app,
}) => {
  writeFileSync(join(app.dataDir, 'settings.json'), '{"theme": "dark", ');
  await app.restart();
  const page = await app.open();
  const shell = new AppShell(page);
  await shell.waitUntilReady();
  const [aside] = readdirSync(join(app.dataDir, 'quarantine'));
  const notices = new ProblemNotices(page);
  const notice = notices.notice('Your settings could not be read');
  await expect(notice).toContainText(join(app.dataDir, 'quarantine', aside!));
  await expect(notice).toContainText('the defaults are used');

  // Still there after a reload: the list is read when the window loads.
  await page.reload();
  await shell.waitUntilReady();
  await expect(notices.notice('Your settings could not be read')).toBeVisible();
  await notices.dismiss('Your settings could not be read');
  await page.reload();
  await shell.waitUntilReady();
  await expect(notices.region).toHaveCount(0);
});

test('a post dated 5 March in Auckland shows 5 March, 00:00 in Los Angeles, with its zone named', async ({
  app,
  workerBrowser,
  hostKind,
}) => {
  test.skip(hostKind !== 'browser', 'the browser context sets the reader’s time zone');
  runCli(['drafts', 'new', '--title', 'Dated in Auckland', '--date', '2026-03-05'], {
    dataDir: app.dataDir,
    env: { TZ: 'Pacific/Auckland' },
  });
  const context = await workerBrowser.newContext({
    timezoneId: 'America/Los_Angeles',
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = await context.newPage();
    await page.goto(app.host().url);
    const drafts = new DraftsPage(page);
    await drafts.shell.waitUntilReady();
    await drafts.openDraft('Dated in Auckland');
    await drafts.editor.openPostPanel();
    const date = drafts.editor.postPanel.getByLabel('Publish date');
    await expect(date).toHaveValue('2026-03-05T00:00');
    await expect(drafts.editor.postPanel).toContainText('Time in UTC+13:00, the zone the date was set in.');
  } finally {
    await context.close();
  }
});
