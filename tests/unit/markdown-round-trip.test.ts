// @vitest-environment jsdom
import fc from 'fast-check';
import { eventBlockHtml } from '../../shared/events/event-html';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../shared/markdown/html-to-markdown';
import { markdownToHtml } from '../../shared/markdown/markdown-to-html';
import { LEARNING_POOL_BREAKFAST } from '../support/events';
import { $buildDocument, documentSpec } from '../support/generated-documents';
import { bodyHtmlOf, documentOf, editorFromHtml, headlessEditor } from '../support/headless-editor';
// Read by the bundler, not node:fs: under jsdom, Vitest 4 can resolve a `node:` import to the
// browser stub and fail the file with "No such built-in module: node:" (vitest-dev/vitest#11324).
import weeklyLinks from '../fixtures/digest-2009-11-05/expected-body.html?raw';

/*
 * Rich text → Markdown → rich text gives the same document, for documents of every construct the
 * editor can make (tests/support/generated-documents). "The same" is the post as a blog shows it:
 * white space collapsed as HTML collapses it, empty paragraphs left out (Markdown has none).
 */

function roundTrip(blocks: Parameters<typeof $buildDocument>[0]) {
  const editor = headlessEditor();
  editor.update(() => $buildDocument(blocks), { discrete: true });
  const html = bodyHtmlOf(editor);
  const markdown = htmlToMarkdown(html);
  const back = editorFromHtml(markdownToHtml(markdown));
  return { editor, html, markdown, back };
}

describe('Markdown source mode', () => {
  it('gives back the same document for generated documents', { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(documentSpec, (blocks) => {
        const { editor, markdown, back } = roundTrip(blocks);
        expect(documentOf(back), markdown).toEqual(documentOf(editor));
        // And the Markdown, read and written again, is the same text.
        expect(htmlToMarkdown(markdownToHtml(markdown))).toBe(markdown);
      }),
      {
        numRuns: Number(process.env.POSTWRIGHT_PROPERTY_RUNS ?? 100),
        ...(process.env.POSTWRIGHT_TEST_SEED ? { seed: Number(process.env.POSTWRIGHT_TEST_SEED) } : {}),
      },
    );
  });

  // The seed blog's posts: the weekly links digest and an event notice with its "more" break.
  const SEED_POSTS = {
    'the weekly links': weeklyLinks,
    'an event notice': `<p>Breakfast with the <em>Learning Pool</em> team.</p><!--more-->${eventBlockHtml(LEARNING_POOL_BREAKFAST)}<p>See you there.</p>`,
  };

  for (const [name, html] of Object.entries(SEED_POSTS)) {
    it(`gives back the same post for ${name}`, () => {
      const editor = editorFromHtml(html);
      const markdown = htmlToMarkdown(bodyHtmlOf(editor));
      const back = editorFromHtml(markdownToHtml(markdown));
      expect(documentOf(back)).toEqual(documentOf(editor));
      expect(bodyHtmlOf(back)).toBe(bodyHtmlOf(editor));
      // Said in Markdown itself: no HTML but the documented "more" break.
      expect(markdown.replaceAll('<!--more-->', '')).not.toMatch(/<[a-z/!]/i);
    });
  }
});
