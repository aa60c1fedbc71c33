import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRouter } from '../../main/core/rpc/router';
import { silentLogger } from '../../main/core/platform/logger';
import { importableFiles, importOpenedFile } from '../../main/electron/open-files';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

// The .md/.html file associations (electron-builder.yml): a file the system opens with Postwright
// becomes a new draft, through the router like every call from a window.
const tempDir = useTempDir();
const signal = new AbortController().signal;

describe('files opened with Postwright', () => {
  it('are the Markdown and HTML files among the launch arguments, not the flags or other files', () => {
    expect(
      importableFiles(['--no-sandbox', '/home/ann/Pier.MD', '/home/ann/notes.txt', 'post.htm', 'x.markdown']),
    ).toEqual(['/home/ann/Pier.MD', 'post.htm', 'x.markdown']);
  });

  it('become drafts with their title and formatting', async () => {
    const folder = tempDir();
    const core = createTestCore(tempDir());
    const router = createRouter(core.handlers, silentLogger);
    try {
      writeFileSync(join(folder, 'pier.md'), '# The pier at dusk\n\nThe **tide** came in.\n');
      writeFileSync(
        join(folder, 'walk.html'),
        '<!doctype html><title>A long walk</title><p>Up the <em>downs</em>.</p><script>alert(1)</script>',
      );
      const fromMarkdown = await importOpenedFile(router, join(folder, 'pier.md'));
      const fromHtml = await importOpenedFile(router, join(folder, 'walk.html'));
      expect(fromMarkdown.ok && fromHtml.ok).toBe(true);
      const [pier, walk] = await Promise.all(
        [fromMarkdown, fromHtml].map((result) =>
          router.call('drafts-get', { id: result.ok ? result.draftId : '' }, { signal }),
        ),
      );
      expect(pier!.title).toBe('The pier at dusk');
      expect(pier!.html).toContain('<strong>tide</strong>');
      expect(walk!.title).toBe('A long walk');
      expect(walk!.html).toContain('<em>downs</em>');
      expect(walk!.html).not.toContain('script');
    } finally {
      await core.dispose();
    }
  });

  it('too large, missing or a folder: one sentence each, and no draft', async () => {
    const folder = tempDir();
    const core = createTestCore(tempDir());
    const router = createRouter(core.handlers, silentLogger);
    try {
      const huge = join(folder, 'huge.md');
      writeFileSync(huge, '');
      truncateSync(huge, 50_000_001);
      mkdirSync(join(folder, 'sub.html'));
      const answers = await Promise.all(
        [huge, join(folder, 'gone.md'), join(folder, 'sub.html')].map((path) =>
          importOpenedFile(router, path),
        ),
      );
      expect(answers).toEqual([
        { ok: false, reason: 'huge.md is larger than 50 MB, so it was not imported.' },
        { ok: false, reason: 'gone.md could not be imported: it is not there any more.' },
        { ok: false, reason: 'sub.html could not be imported: it is a folder.' },
      ]);
      expect(await router.call('drafts-list', {}, { signal })).toEqual([]);
    } finally {
      await core.dispose();
    }
  });
});
