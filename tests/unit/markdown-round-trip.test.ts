// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../shared/markdown/html-to-markdown';
import { markdownToHtml } from '../../shared/markdown/markdown-to-html';
import { $buildDocument, documentSpec } from '../support/generated-documents';
import { bodyHtmlOf, documentOf, editorFromHtml, headlessEditor } from '../support/headless-editor';

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
  void bodyHtmlOf;
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
        numRuns: Number(process.env.POSTWRIGHT_PROPERTY_RUNS ?? 150),
        ...(process.env.POSTWRIGHT_TEST_SEED ? { seed: Number(process.env.POSTWRIGHT_TEST_SEED) } : {}),
      },
    );
  });
});
