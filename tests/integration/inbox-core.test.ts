// The fixtures' times are UTC, which is also the author's local time there.
process.env.TZ = 'UTC';

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract';
import { createRouter } from '../../main/core/rpc/router';
import { silentLogger } from '../../main/core/platform/logger';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-inbox-core-');
const FIXTURE = 'tests/fixtures/digest-2009-11-05';
const collapse = (html: string) => html.replace(/>\s+</g, '><').trim();

function open(dataDir = tempDir()) {
  const core = createTestCore(dataDir, { now: () => new Date('2026-11-20T12:00:00.000Z') });
  const router = createRouter(core.handlers, silentLogger);
  const events: { event: string; payload: unknown }[] = [];
  core.events.onAny((event, payload) => events.push({ event, payload }));
  async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const reply = await router.handle({ id: 1, method, args }, { signal: new AbortController().signal });
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as ResultOf<M>;
  }
  return { core, call, events, dataDir };
}

async function importSeed(call: ReturnType<typeof open>['call']) {
  const html = await call('inbox-import', {
    filename: 'bookmarks.html',
    content: readFileSync(`${FIXTURE}/bookmarks.html`, 'utf8'),
  });
  const json = await call('inbox-import', {
    filename: 'inbox.json',
    content: readFileSync(`${FIXTURE}/inbox.json`, 'utf8'),
  });
  return { html, json };
}

describe('the inbox through the core', () => {
  it('imports the seed, merges its inbox.json, and builds the seed’s digest as a draft', async () => {
    const { core, call, events } = open();
    try {
      const { html, json } = await importSeed(call);
      expect(html).toMatchObject({ format: 'netscape', added: 5, merged: 0 });
      expect(json).toMatchObject({ format: 'postwright-json', added: 0, merged: 5 });
      expect(events.some((entry) => entry.event === 'progress')).toBe(true);

      const page = await call('inbox-page', { offset: 1, limit: 2 });
      expect(page.total).toBe(5);
      expect(page.links.map((link) => link.title)).toEqual([
        'Local Blog impact on Local Democracy: Somerton Town Council | Online Journalism Blog',
        'GovHack: govt data + hackers + caffeine == good times | Government 2.0 Taskforce',
      ]);

      const preview = await call('digest-preview', { from: '2009-11-05', to: '2009-11-08' });
      expect(preview.title).toBe(readFileSync(`${FIXTURE}/expected-title.txt`, 'utf8').trim());
      expect(collapse(preview.html)).toBe(collapse(readFileSync(`${FIXTURE}/expected-body.html`, 'utf8')));

      const { draft, used } = await call('digest-create', { from: '2009-11-05', to: '2009-11-08' });
      expect(used).toBe(5);
      const saved = await call('drafts-get', { id: draft.id });
      expect(saved.title).toBe('Bookmarks for November 5th through November 8th');
      expect(collapse(saved.html)).toBe(collapse(readFileSync(`${FIXTURE}/expected-body.html`, 'utf8')));
      expect(await call('inbox-list', { used: 'used' })).toHaveLength(5);
      expect((await call('inbox-list', {}))[0]!.usedIn).toEqual([draft.id]);
      expect(await call('digest-last', {})).toMatchObject({
        draftId: draft.id,
        from: '2009-11-05',
        to: '2009-11-08',
      });
      // Used links stay out of the next digest over the same days.
      expect((await call('digest-preview', { from: '2009-11-05', to: '2009-11-08' })).links).toHaveLength(0);
    } finally {
      await core.dispose();
    }
  });

  it('orders, excludes and groups a digest as the author asks', async () => {
    const { core, call } = open();
    try {
      await importSeed(call);
      const all = await call('digest-preview', { from: '2009-11-05', to: '2009-11-08' });
      const ids = all.links.map((link) => link.id);
      const custom = await call('digest-preview', {
        from: '2009-11-05',
        to: '2009-11-08',
        order: [ids[4]!, ids[0]!],
        excluded: [ids[2]!],
      });
      expect(custom.links.map((link) => link.id)).toEqual([ids[4], ids[0], ids[1], ids[2], ids[3]]);
      expect(custom.excluded).toEqual([ids[2]]);
      expect(custom.html).not.toContain('GovHack');
      expect(custom.html.indexOf('communities.gov.uk')).toBeLessThan(custom.html.indexOf('data.govt.nz'));
      const grouped = await call('digest-preview', {
        from: '2009-11-05',
        to: '2009-11-08',
        groupByTag: true,
      });
      expect(grouped.html).toContain('<li>localgov\n<ul>');
      await expect(
        call('digest-preview', { from: '2009-11-05', to: '2009-11-08', template: 'Nope' }),
      ).rejects.toThrow('There is no digest template called "Nope". The templates are: "Bookmarks".');
      await expect(call('digest-create', { from: '2001-01-01', to: '2001-01-02' })).rejects.toThrow(
        /There are no unused links from 2001-01-01 to 2001-01-02/,
      );
    } finally {
      await core.dispose();
    }
  });

  it('adds, merges, edits, archives, deletes with undo, and keeps it all across a restart', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    // Nothing listens on port 9: these fetches fail fast and never leave the machine.
    const url = 'http://127.0.0.1:9/article';
    const added = await first.call('inbox-add', {
      links: [
        { url, tags: ['one'] },
        { url: `${url}?utm_source=feed`, title: 'Given title', tags: ['two'] },
        { url: 'javascript:alert(1)' },
      ],
    });
    expect(added).toMatchObject({ added: 1, merged: 1, rejected: [{ url: 'javascript:alert(1)' }] });
    const id = added.bookmarks[0]!.id;
    expect(added.bookmarks[1]!.id).toBe(id);
    const edited = await first.call('inbox-update', {
      id,
      patch: { description: 'A quote', comment: 'Mine', tags: ['one', 'three'] },
    });
    expect(edited).toMatchObject({ title: 'Given title', tags: ['one', 'three'], comment: 'Mine' });
    expect(await first.call('inbox-tags', {})).toEqual([
      { tag: 'one', count: 1 },
      { tag: 'three', count: 1 },
    ]);
    await first.call('inbox-archive', { ids: [id], archived: true });
    expect(await first.call('inbox-list', {})).toHaveLength(0);
    expect(await first.call('inbox-list', { archived: 'archived' })).toHaveLength(1);
    await first.call('inbox-delete', { ids: [id] });
    expect(await first.call('inbox-list', { archived: 'all' })).toHaveLength(0);
    await first.call('inbox-restore', { ids: [id] });
    await first.core.dispose();

    const second = open(dataDir);
    try {
      const [link] = await second.call('inbox-list', { archived: 'all', query: 'quote' });
      expect(link).toMatchObject({
        id,
        title: 'Given title',
        description: 'A quote',
        archived: true,
        deletedAt: null,
      });
      const exported = await second.call('inbox-export', {});
      expect(exported).toMatchObject({ filename: 'postwright-bookmarks-2026-11-20.html', count: 1 });
      expect(exported.content).toContain('COMMENT="Mine"');
      const post = await second.call('inbox-bookmark-draft', { id });
      const draft = await second.call('drafts-get', { id: post.draftId });
      expect(draft.title).toBe('Given title');
      expect(draft.html).toContain('<a href="http://127.0.0.1:9/article">Given title</a>');
      expect(draft.html).toContain('A quote');
      expect((await second.call('inbox-list', { archived: 'all', used: 'used' }))[0]!.usedIn).toEqual([
        post.draftId,
      ]);
    } finally {
      await second.core.dispose();
    }
  });
});
