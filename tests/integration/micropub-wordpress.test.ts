import { expect, it, vi } from 'vitest';
import type { Blog } from '../../shared/model/blog';
import type { Draft } from '../../shared/model/draft';
import type { MicropubSource } from '../../shared/model/micropub';
import { MicropubAuthor, useMicropubAuthor } from '../support/micropub-server/micropub-cli';
import { WORDPRESS_QUIRKS } from '../support/micropub-server/micropub-site';

// The WordPress-Micropub flow: the local site answering as WordPress with the Micropub plugin does
// (see WORDPRESS_QUIRKS), driven through the CLI from signing in to undeleting.

// Each case runs several CLI commands, each a process of its own.
vi.setConfig({ testTimeout: 180_000 });

const { tempDir, adopt } = useMicropubAuthor('postwright-wordpress-micropub-');

it('signs in with a token that may only create, renames a post, removes a category, and undeletes it', async () => {
  const { author: a, added } = await MicropubAuthor.signingIn(tempDir(), WORDPRESS_QUIRKS, 'create');
  adopt(a);
  const site = a.site;

  // Adding the blog: the verdict and the granted scope, none of discovery's diagnostics.
  expect(added.status, added.stderr).toBe(0);
  expect(added.stdout).toMatch(/^Added Test site as "[^"]+" \(micropub, .+\), signed in as /);
  expect(added.stdout).toContain(
    'This sign-in can only create posts; sign in again to allow updates, deletes, undeletes and media uploads.',
  );
  expect(added.stderr).not.toMatch(/✗|HTTP 405|XML-RPC/);
  const [blog] = await a.ok<Blog[]>(['blogs', 'list']);
  expect(blog?.micropub?.scope).toBe('create');
  expect((await a.cli(['blogs', 'list'])).stdout).toMatch(/may create posts only/);

  // A create-only token still publishes, image included (WordPress checks the account for media).
  const draftId = await a.draft({
    title: 'Peer test',
    html: '<p>Hello WordPress</p><p><img src="pier.png" alt="The pier"></p>',
    images: ['pier.png'],
    args: ['--category', 'first', '--category', 'Peer Test', '--category', 'added-tag'],
  });
  const job = await a.publish(draftId, []);
  expect(job.state, job.reason ?? '').toBe('done');
  const original = job.result!.url!;
  expect(original).toBe(`${site.url}posts/peer-test`);

  // An update is explained before it goes, and WordPress's refusal offers to sign in again.
  const refused = await a.cli(['posts', 'update', original, '--replace', 'name=Renamed peer test']);
  expect(refused.status).toBe(1);
  expect(refused.stderr).toContain(
    'This sign-in can only create posts; the blog may refuse this update. Sign in again to allow updates ("postwright micropub sign-in").',
  );
  expect(refused.stderr).toMatch(
    /The blog did not give Postwright the "update" permission\. Sign in again and allow "update" \(.*"postwright micropub sign-in"\)\./,
  );

  site.auth.grantedScope = null;
  const again = await a.approving(['micropub', 'sign-in', '--no-browser']);
  expect(again.stdout).toContain(
    'This sign-in allows creating, updating, deleting and undeleting posts and uploading media.',
  );

  // The rename: WordPress answers 200 with the post's row (post_url) and no Location.
  const moved = `${site.url}posts/renamed-peer-test`;
  const renamed = await a.cli(['posts', 'update', original, '--replace', 'name=Renamed peer test']);
  expect(renamed.stdout.trim()).toBe(`Updated; the post now lives at ${moved}`);
  expect((await a.ok<Draft>(['drafts', 'show', draftId])).remote?.url).toBe(moved);

  // Removing a category: WordPress then sends the rest as {"1":"Peer Test","2":"added-tag"}.
  await a.ok(['posts', 'update', moved, '--delete', 'category=first']);
  const source = await a.ok<MicropubSource>(['posts', 'source', moved]);
  expect(source.properties.category).toEqual(['Peer Test', 'added-tag']);
  const pulled = await a.ok<Draft>(['posts', 'pull', moved]);
  expect(pulled.categories).toEqual(['Peer Test', 'added-tag']);

  // Deleted at its new address, the post is undeleted by the address WordPress knows it by.
  await a.ok(['posts', 'delete', moved]);
  site.startCase();
  const undeleted = await a.cli(['posts', 'undelete', moved]);
  expect(undeleted.stdout.trim()).toBe(`Undeleted ${moved}`);
  expect(site.log.map((r) => new URLSearchParams(r.raw).get('url'))).toEqual([moved, original]);
  expect(site.posts.posts.get(moved)!.deleted).toBe(false);

  // Publishing the first draft again restores its title and its categories, and follows the post.
  const republished = await a.cli(['publish', draftId]);
  expect(republished.stdout.trim()).toBe(
    `"Peer test" is updated on Test site; the post now lives at ${original}`,
  );
  expect(site.posts.posts.get(original)!.properties.category).toEqual(['first', 'Peer Test', 'added-tag']);
  expect(site.posts.posts.size).toBe(1);
});
