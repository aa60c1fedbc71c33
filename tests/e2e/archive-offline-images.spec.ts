import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCliAsync } from '../support/cli';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { makePng } from '../support/png';
import { ArchivePage } from './pages/ArchivePage';
import { DraftsPage } from './pages/DraftsPage';
import { expect, test } from './support/fixtures';

// Issue 20: "an author can find any post they ever published with the network off", images included.
let site: MicropubSite | undefined;
let images: Server | undefined;

test.describe.configure({ timeout: 120_000 });

test.afterEach(async () => {
  await site?.close();
  images?.closeAllConnections();
  await new Promise((resolve) => (images ? images.close(resolve) : resolve(undefined)));
  site = undefined;
  images = undefined;
});

/** The blog's image host on 127.0.0.1: one 48×32 photo, counted each time it is asked for. */
async function startImageHost() {
  const photo = makePng(48, [190, 120, 60]);
  const served = { count: 0 };
  images = createServer((request, response) => {
    if (request.url !== '/uploads/quokka.png') return void response.writeHead(404).end();
    served.count += 1;
    response.writeHead(200, { 'Content-Type': 'image/png' }).end(photo);
  });
  await new Promise<void>((resolve) => images!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(images.address() as AddressInfo).port}/uploads/quokka.png`, served };
}

test('a post pulled with its images shows them from the archive with the blog offline', async ({ app }) => {
  site = await startMicropubSite();
  const photo = await startImageHost();
  const token = site.auth.issueToken();
  for (const [name, html] of [
    ['Island visit', `<p>We met a quokka.</p><p><img src="${photo.url}" alt="A quokka on Rottnest"></p>`],
    ['Weekly links', '<p>Links of the week.</p>'],
  ]) {
    const created = await fetch(site.micropubUrl, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: ['h-entry'], properties: { name: [name], content: [{ html }] } }),
    });
    expect(created.status).toBe(201);
  }
  const added = await runCliAsync(['blogs', 'add', site.url, '--token-stdin'], {
    dataDir: app.dataDir,
    input: token,
  });
  expect(added.status, added.stderr).toBe(0);

  const page = await app.open();
  await new DraftsPage(page).open();
  const archive = new ArchivePage(page, 'Test site');
  await archive.runCommand('Go to Blogs');
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  const withImages = archive.region.getByRole('checkbox', { name: 'With images' });
  await withImages.click();
  await expect(withImages).toBeChecked();
  await archive.runCommand('Pull the Whole Blog');
  await expect(archive.status).toHaveText(
    'Pulled: 2 new or changed, 2 posts of Test site on this computer. Images: 1 kept.',
  );
  expect(photo.served.count).toBe(1);

  // The network is off: the blog and its image host are gone.
  await site.close();
  site = undefined;
  images!.closeAllConnections();
  await new Promise((resolve) => images!.close(resolve));
  images = undefined;

  await archive.searchFor('quokka');
  await expect(archive.posts).toHaveCount(1);
  await archive.post('Island visit').press('Enter');
  await expect(archive.reader.getByRole('heading', { name: 'Island visit' })).toBeVisible();
  const image = archive.reader.getByRole('img', { name: 'A quokka on Rottnest' });
  await expect(image).toBeVisible();
  await expect(image).toHaveAttribute('src', /^\/archive\/[a-z0-9-]+\/media\/[0-9a-f]{32}\.png$/);
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBe(48);
  expect(photo.served.count).toBe(1);

  for (const [width, height] of [
    [1024, 700],
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/archive-image-${width}x${height}.png` });
  }
});
