import { afterEach, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { coreCaller } from '../support/core-call';
import { startMicropubSite, type MicropubSite } from '../support/micropub-server/micropub-site';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

/*
 * A draft kept in Markdown goes to a Micropub site that says it takes Markdown as that Markdown,
 * and as HTML everywhere else; new drafts are kept in Markdown when the settings say so.
 */

const tempDir = useTempDir('postwright-markdown-publish-');
let core: Core | undefined;
let site: MicropubSite | undefined;
afterEach(async () => {
  await core?.dispose();
  await site?.close();
  core = site = undefined;
});

const HTML = '<p>Links from the <strong>web</strong> team.</p><ul><li>one</li><li>two</li></ul>';

/** Publishes a draft as an article to a fresh site and gives the `content` the site received. */
async function sentContent(siteTakesMarkdown: boolean, draftInMarkdown: boolean): Promise<unknown> {
  site = await startMicropubSite({ markdown: siteTakesMarkdown });
  core = createTestCore(tempDir());
  const call = coreCaller(core);
  const blog = await call('blogs-add', {
    protocol: 'micropub',
    homeUrl: site.url,
    endpoint: site.micropubUrl,
    token: site.auth.issueToken(),
  });
  const draft = await call('drafts-create', { title: 'Weekly links', html: HTML, markdown: draftInMarkdown });
  site.startCase();
  const job = await call('publish', { draftId: draft.id, blogId: blog.id, micropub: { kind: 'article' } });
  expect(job.state).toBe('done');
  const create = site.log.find((request) => request.method === 'POST' && request.json);
  return (create?.json as { properties: { content: unknown[] } }).properties.content;
}

it('sends a draft kept in Markdown as Markdown to a site that takes it', async () => {
  expect(await sentContent(true, true)).toEqual(['Links from the **web** team.\n\n- one\n- two\n']);
});

it('sends HTML to a site that does not say it takes Markdown, and for a draft kept as rich text', async () => {
  expect(await sentContent(false, true)).toEqual([{ html: HTML }]);
  await core?.dispose();
  await site?.close();
  expect(await sentContent(true, false)).toEqual([{ html: HTML }]);
});

it('keeps new drafts in Markdown when the settings say so, unless the caller chose', async () => {
  core = createTestCore(tempDir());
  const call = coreCaller(core);
  expect((await call('drafts-create', { title: 'Before' })).markdown).toBeUndefined();
  await call('settings-update', { patch: { markdownDrafts: true } });
  expect((await call('drafts-create', { title: 'After' })).markdown).toBe(true);
  expect((await call('drafts-create', { title: 'Chosen', markdown: false })).markdown).toBe(false);
});
