import { closedPort } from '../support/closed-port';
import { startLinkPages } from '../support/link-pages';
import { startMicropubSite } from '../support/micropub-server/micropub-site';
import { BlogsPage } from './pages/BlogsPage';
import { expect, test } from './support/fixtures';

test('an address nothing answers at: one verdict saying the site could not be reached and why', async ({
  app,
}) => {
  const blogs = new BlogsPage(await app.open());
  const address = `http://127.0.0.1:${await closedPort()}/`;
  await blogs.discover(address);
  await expect(blogs.verdict).toContainText('Could not reach the site');
  await expect(blogs.verdict).toContainText(/refused|did not answer|not reach/i);
  await expect(blogs.verdict).toContainText('Check the address');
  // Nothing on the screen claims a find.
  await expect(blogs.dialog).not.toContainText('✓', { useInnerText: true });
  await expect(blogs.dialog).not.toContainText(/found/i, { useInnerText: true });
  await expect(blogs.dialog.getByLabel('User name')).toHaveCount(0);
  // The probes are there for whoever wants them, folded away.
  await expect(blogs.discoverySteps).toBeHidden();
  await blogs.showDetails();
  await expect(blogs.step('Home page')).toContainText('failed');
  await expect(blogs.discoverySteps).not.toContainText('Fallback');
});

test('a site with no publishing API: one verdict that says so and what to try', async ({ app }) => {
  const pages = await startLinkPages();
  try {
    const blogs = new BlogsPage(await app.open());
    await blogs.discover(`${pages.origin}/og-only`);
    await expect(blogs.verdict).toContainText('Found no way to publish');
    await expect(blogs.verdict).toContainText('XML-RPC');
    await expect(blogs.verdict).toContainText('Micropub');
    // The home page was there; that is a detail, folded away with the other probes.
    await expect(blogs.dialog).not.toContainText('✓', { useInnerText: true });
    await expect(blogs.discoverySteps).toBeHidden();
  } finally {
    await pages.close();
  }
});

test('a Micropub site: the verdict names Micropub and its endpoint, and the sign-in follows it', async ({
  app,
}) => {
  const site = await startMicropubSite();
  try {
    const blogs = new BlogsPage(await app.open());
    await blogs.discover(site.url);
    await expect(blogs.verdict).toHaveText(`Found Micropub at ${site.micropubUrl}`);
    await expect(blogs.dialog.getByRole('button', { name: 'Sign in with IndieAuth' })).toBeVisible();
    await blogs.showDetails();
    await expect(blogs.step('rel="micropub"')).toContainText('found');
  } finally {
    await site.close();
  }
});
