import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, OUR_DISABLED_FEATURES, PLAYWRIGHT_DISABLED_FEATURES } from './support/fixtures';
import { expect, test } from './support/fixtures';

const executablePath = process.env.POSTWRIGHT_CHROMIUM ?? '/usr/bin/chromium';

/** The `--disable-features` Chromium was started with (it honours only the last one). */
async function disabledFeatures(args: string[]): Promise<string[]> {
  // The browser tells its command line only to automation.
  const browser = await chromium.launch({ executablePath, args: [...args, '--enable-automation'] });
  try {
    const session = await browser.newBrowserCDPSession();
    const { arguments: line } = await session.send('Browser.getBrowserCommandLine');
    const flag = line.filter((arg) => arg.startsWith('--disable-features=')).at(-1) ?? '';
    return flag.slice('--disable-features='.length).split(',').filter(Boolean);
  } finally {
    await browser.close();
  }
}

test('the browser the tests drive keeps Playwright’s disabled features as well as ours', async ({
  hostKind,
}) => {
  test.skip(hostKind === 'electron', 'the desktop app starts its own Chromium');
  const playwrights = await disabledFeatures(['--no-sandbox']);
  expect(playwrights.length).toBeGreaterThan(3);
  expect([...playwrights].sort()).toEqual([...PLAYWRIGHT_DISABLED_FEATURES].sort());

  const ours = await disabledFeatures(CHROMIUM_ARGS);
  expect(ours).toEqual(expect.arrayContaining([...playwrights, ...OUR_DISABLED_FEATURES]));
});

test('a new page loads no address-bar page of Chromium’s own beside the app', async ({ app, hostKind }) => {
  test.skip(hostKind === 'electron', 'the desktop app has no address bar');
  const page = await app.open();
  const browser = page.context().browser()!;
  const other = await browser.newPage();
  await browser.startTracing(other, { categories: ['devtools.timeline'] });
  await other.goto('data:text/html,<p>blank</p>');
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: { name: string; args?: { data?: { url?: string } } }[];
  };
  const fetched = trace.traceEvents
    .filter((event) => event.name === 'ResourceSendRequest')
    .map((event) => event.args?.data?.url ?? '');
  expect(fetched.filter((url) => url.startsWith('chrome://'))).toEqual([]);
  await other.close();
});
