// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { eventBlockHtml } from '../../shared/events/event-html';
import { cleanExportedHtml } from '../../renderer/features/editor/html/body-html';
import { LEARNING_POOL_BREAKFAST } from '../support/events';

const block = eventBlockHtml({ ...LEARNING_POOL_BREAKFAST, description: '' });

// The HTML view's sanitiser (DOMPurify) is checked in real Chromium by tests/e2e/calendar.spec.ts.
describe('h-event markup in the editor’s HTML', () => {
  test('the published HTML keeps microformats classes and drops the editor’s own', () => {
    const html = cleanExportedHtml(
      `<p class="editor-paragraph" dir="ltr"><span style="white-space: pre-wrap;">Hi</span></p>${block}`,
    );
    expect(html).toMatch(
      /^<p>Hi<\/p><div class="h-event"><p><strong class="p-name">Learning Pool breakfast<\/strong>/,
    );
    expect(html).toContain('class="dt-end"');
  });
});
