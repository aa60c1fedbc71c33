// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { diffCounts, textOfHtml, wordDiff } from '../../renderer/features/revisions/word-diff';
import { previewDocument } from '../../renderer/features/preview/preview-document';
import { OutboxNotices } from '../../shared/publish/outbox-notice';
import type { OutboxJob } from '../../shared/model/publish';

describe('the word diff of two versions', () => {
  it('reads a post as paragraphs of words', () => {
    expect(textOfHtml('<h2>Title</h2><p>One <b>two</b><br>three</p><ul><li>a</li><li>b</li></ul>')).toBe(
      'Title\n\nOne two\nthree\n\na\n\nb',
    );
  });

  it('marks the words added and removed', () => {
    const parts = wordDiff('The council meets on Tuesday.', 'The council meets on Thursday at ten.');
    expect(parts.filter((part) => part.kind === 'removed').map((part) => part.text.trim())).toEqual([
      'Tuesday',
    ]);
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.text.trim())).toEqual([
      'Thursday at ten',
    ]);
    expect(diffCounts(parts)).toEqual({ added: 3, removed: 1 });
  });
});

describe('the preview page', () => {
  // The body's sanitising is DOMPurify's, which needs a real browser: tests/e2e/preview.spec.ts.
  it('wraps the post in the markup themes style, and its title and stylesheet cannot break out', () => {
    const page = previewDocument({
      title: 'A <b>bold</b> title',
      html: '<p>Hi</p>',
      css: 'body{color:red}</style><script>alert(2)</script>',
    });
    expect(page).toContain(
      '<h1 class="entry-title p-name wp-block-post-title">A &lt;b&gt;bold&lt;/b&gt; title</h1>',
    );
    expect(page).toContain('<div class="entry-content e-content wp-block-post-content">');
    expect(page).not.toMatch(/<script/);
    expect(page.match(/<\/style>/g)).toHaveLength(1);
  });
});

describe('notices of the outbox', () => {
  const job = (patch: Partial<OutboxJob>): OutboxJob =>
    ({
      id: 'j1',
      action: 'publish',
      title: 'Post',
      blogName: 'Blog',
      state: 'queued',
      nextAttemptAt: null,
      attempts: 0,
      reason: null,
      ...patch,
    }) as OutboxJob;

  it('announce a publish that had to wait when it goes out or fails, not one that went at once', () => {
    const notices = new OutboxNotices();
    expect(notices.observe(job({}))).toBeNull();
    expect(notices.observe(job({ state: 'sending', attempts: 1 }))).toBeNull();
    expect(notices.observe(job({ state: 'done', attempts: 1 }))).toBeNull();

    expect(
      notices.observe(job({ id: 'j2', state: 'queued', attempts: 1, nextAttemptAt: '2026-01-01T00:00:00Z' })),
    ).toBeNull();
    expect(notices.observe(job({ id: 'j2', state: 'done', attempts: 2 }))).toEqual({
      title: 'Published on Blog',
      body: '“Post” went out from the outbox.',
      tone: 'info',
    });
    expect(notices.observe(job({ id: 'j3', state: 'queued', attempts: 1, nextAttemptAt: 'x' }))).toBeNull();
    expect(notices.observe(job({ id: 'j3', state: 'failed', reason: 'Wrong password.' }))).toMatchObject({
      title: 'Not published',
      tone: 'error',
    });
  });
});
