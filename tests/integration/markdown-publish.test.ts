import { expect, it } from 'vitest';
import { useMicropubCore } from '../support/micropub-server/micropub-core';

/*
 * A draft kept in Markdown goes to a Micropub site that says it takes Markdown as that Markdown,
 * and as HTML everywhere else; new drafts are kept in Markdown when the settings say so.
 */

const micropub = useMicropubCore('postwright-markdown-publish-');

const HTML = '<p>Links from the <strong>web</strong> team.</p><ul><li>one</li><li>two</li></ul>';

/** Publishes a draft as an article to a fresh site and gives the `content` the site received. */
async function sentContent(siteTakesMarkdown: boolean, draftInMarkdown: boolean): Promise<unknown> {
  const { site, call, blog } = await micropub.begin({ markdown: siteTakesMarkdown });
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
  expect(await sentContent(true, false)).toEqual([{ html: HTML }]);
});

it('keeps new drafts in Markdown when the settings say so, unless the caller chose', async () => {
  const { call } = micropub.openCore();
  expect((await call('drafts-create', { title: 'Before' })).markdown).toBeUndefined();
  await call('settings-update', { patch: { markdownDrafts: true } });
  expect((await call('drafts-create', { title: 'After' })).markdown).toBe(true);
  expect((await call('drafts-create', { title: 'Chosen', markdown: false })).markdown).toBe(false);
});
