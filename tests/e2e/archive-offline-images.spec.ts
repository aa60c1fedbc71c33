import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { makePng } from '../support/png';
import { addBlogByCli, openArchive, postEntry, useArchiveSite } from './support/archive-site';
import { expect, test } from './support/fixtures';
import { saveScreenshot, SIZES } from './support/layout';

// Issue 20: "an author can find any post they ever published with the network off", images included.
const blog = useArchiveSite();
let images: Server | undefined;

test.describe.configure({ timeout: 120_000 });

test.afterEach(async () => {
  images?.closeAllConnections();
  await new Promise((resolve) => (images ? images.close(resolve) : resolve(undefined)));
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

test('a post pulled with its images shows them from the archive with the blog offline', async ({
  app,
}, testInfo) => {
  const { site, token } = await blog.start();
  const photo = await startImageHost();
  for (const [name, html] of [
    ['Island visit', `<p>We met a quokka.</p><p><img src="${photo.url}" alt="A quokka on Rottnest"></p>`],
    ['Weekly links', '<p>Links of the week.</p>'],
  ]) {
    const created = await postEntry(site, token, { name: [name], content: [{ html }] });
    expect(created.status).toBe(201);
  }
  await addBlogByCli(app, site, token);

  const { page, archive } = await openArchive(app);
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
  await blog.offline();
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

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await saveScreenshot(page, testInfo, 'archive-image');
  }
});
