import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../shared/markdown/html-to-markdown';
import { markdownNotes } from '../../shared/markdown/markdown-notes';

describe('what Markdown cannot say, noted beside its line', () => {
  it('notes underline, a sized image and a merged-cell table, and nothing for the more break', () => {
    const markdown = htmlToMarkdown(
      '<p>Plain and <u>underlined</u>.</p><!--more-->' +
        '<p><img src="/drafts/d1/assets/a-1a2b3c4d.png" alt="x" width="417"></p>' +
        '<table><tbody><tr><td colspan="2">Both</td></tr></tbody></table>',
    );
    const lines = markdown.split('\n');
    const notes = markdownNotes(markdown).map((note) => [lines[note.line - 1]!.slice(0, 12), note.message]);
    expect(notes).toEqual([
      ['Plain and <u', 'Markdown has no underline: kept as HTML.'],
      ['<img src="/d', 'Markdown has no size or alignment for an image: kept as HTML.'],
      [
        '<table><tbod',
        'This table does not fit a Markdown table (one header row, one line per cell, no merged cells): kept as HTML.',
      ],
    ]);
  });

  it('says what an event fence still needs', () => {
    expect(markdownNotes('```event\nlocation: Hove\n```\n')).toEqual([
      {
        line: 1,
        message: 'This event needs a title and a start (2009-11-25 09:30): until then it is a code block.',
      },
    ]);
  });
});
