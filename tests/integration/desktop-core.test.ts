import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { coreCaller } from '../support/core-call';
import { makePng } from '../support/png';
import { addTestBlog } from '../support/publishing';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

function open(dir = tempDir()) {
  const core = createTestCore(dir);
  return { dir, core, call: coreCaller(core) };
}

describe('a draft changed elsewhere', () => {
  it('is never overwritten by a save that started from an older version', async () => {
    const { dir, core, call } = open();
    try {
      const draft = await call('drafts-create', { title: 'Shared', html: '<p>First words.</p>' });
      const base = draft.updatedAt;
      // The command line changes it while the app has it open.
      const edited = runCli(['drafts', 'edit', draft.id, '--title', 'Changed by the CLI', '--json'], {
        dataDir: dir,
      });
      expect(edited.status).toBe(0);
      const save = { ...draft, html: '<p>Typed in the app.</p>', editorState: null };
      await expect(call('drafts-save', { draft: save, baseUpdatedAt: base })).rejects.toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/changed outside this window/),
      });
      expect((await call('drafts-get', { id: draft.id })).title).toBe('Changed by the CLI');
      // Keeping mine is a save built on their version.
      const theirs = await call('drafts-get', { id: draft.id });
      const kept = await call('drafts-save', { draft: save, baseUpdatedAt: theirs.updatedAt });
      expect((await call('drafts-get', { id: draft.id })).html).toBe('<p>Typed in the app.</p>');
      // Saves without a base (older clients) still go through.
      await call('drafts-save', { draft: { ...save, title: 'No base' } });
      expect(kept.updatedAt).not.toBe(base);
    } finally {
      await core.dispose();
    }
  });

  it('a save from another window of the same app is seen as newer too', async () => {
    const { core, call } = open();
    try {
      const draft = await call('drafts-create', { title: 'Two windows' });
      const save = { ...draft, editorState: null };
      await call('drafts-save', {
        draft: { ...save, html: '<p>Window one.</p>' },
        baseUpdatedAt: draft.updatedAt,
      });
      await expect(
        call('drafts-save', {
          draft: { ...save, html: '<p>Window two.</p>' },
          baseUpdatedAt: draft.updatedAt,
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
    } finally {
      await core.dispose();
    }
  });
});

describe('revisions', () => {
  it('can be read whole, for preview and comparison', async () => {
    const { core, call } = open();
    try {
      const draft = await call('drafts-create', { title: 'Versions', html: '<p>One.</p>' });
      await call('drafts-save', { draft: { ...draft, html: '<p>One. Two.</p>', editorState: null } });
      const [revision] = await call('drafts-revisions', { id: draft.id });
      const old = await call('drafts-revision-get', { id: draft.id, revisionId: revision!.id });
      expect(old.html).toBe('<p>One. Two.</p>');
      await expect(
        call('drafts-revision-get', { id: draft.id, revisionId: '../../x' }),
      ).rejects.toMatchObject({
        code: 'not-found',
      });
    } finally {
      await core.dispose();
    }
  });
});

describe('the preview', () => {
  it('shows the draft’s own images, inlined for its frame; nothing else of the disk comes in', async () => {
    const { core, call } = open();
    try {
      const png = makePng(3);
      const draft = await call('drafts-create', { title: 'Pier' });
      const { src } = await call('drafts-add-asset', {
        id: draft.id,
        filename: 'pier.png',
        mimeType: 'image/png',
        dataBase64: png.toString('base64'),
      });
      const html = await call('preview-html', {
        draftId: draft.id,
        html: `<p><img src="${src}" alt="The pier"></p><p><img src="/drafts/${draft.id}/assets/..%2fdraft.json" alt="x"></p>`,
      });
      expect(html).toContain(`<img src="data:image/png;base64,${png.toString('base64')}" alt="The pier">`);
      expect(html).not.toContain('formatVersion');
    } finally {
      await core.dispose();
    }
  });
});

describe('the outbox', () => {
  it('takes back a publish that waits for the network, and the draft says it is a draft again', async () => {
    const { dir, core, call } = open();
    try {
      await addTestBlog(dir, {
        name: 'Offline blog',
        homeUrl: 'http://127.0.0.1:9/',
        endpoint: 'http://127.0.0.1:9/xmlrpc.php',
      });
      const draft = await call('drafts-create', { title: 'Not yet' });
      const job = await call('publish', { draftId: draft.id });
      expect(job.state).toBe('queued');
      expect((await call('drafts-get', { id: draft.id })).status).toBe('queued');
      const cancelled = await call('outbox-cancel', { id: job.id });
      expect(cancelled).toMatchObject({ state: 'cancelled', reason: 'Cancelled before it was sent.' });
      expect((await call('drafts-get', { id: draft.id })).status).toBe('draft');
      await expect(call('outbox-retry', { id: job.id })).rejects.toThrow(
        /was cancelled; publish the draft again/,
      );
      expect((await call('outbox-list', {}))[0]!.state).toBe('cancelled');
    } finally {
      await core.dispose();
    }
  });
});

describe('where the author left off', () => {
  it('is kept in ui-state.json across launches, and a broken file starts from the defaults', async () => {
    const dir = tempDir();
    const first = open(dir);
    await first.call('ui-state-update', {
      patch: { section: 'calendar', lastDraftId: 'abc', preview: true },
    });
    // A patch changes only what it names: the others stay as they were.
    await first.call('ui-state-update', { patch: { recentCommands: ['go.inbox'] } });
    await first.core.dispose();
    const second = open(dir);
    try {
      expect(await second.call('ui-state-get', {})).toMatchObject({
        section: 'calendar',
        lastDraftId: 'abc',
        preview: true,
        previewStyle: 'clean',
        recentCommands: ['go.inbox'],
      });
      await expect(
        second.call('ui-state-update', { patch: { section: 'nowhere' as never } }),
      ).rejects.toMatchObject({
        code: 'invalid-args',
      });
    } finally {
      await second.core.dispose();
    }
    writeFileSync(join(dir, 'ui-state.json'), '{"section": 42, trailing garbage');
    const third = open(dir);
    try {
      expect(await third.call('ui-state-get', {})).toMatchObject({ section: 'drafts', lastDraftId: null });
    } finally {
      await third.core.dispose();
    }
  });
});
