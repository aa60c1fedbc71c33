import { parseMarkdown } from '../../../../../shared/markdown/markdown-to-html';

/*
 * The caret is carried between the rich editor and the Markdown by block: the body's n-th block is
 * the Markdown's n-th top-level block (a paragraph, a heading, a list, a table, a fence, the "more"
 * break), so switching keeps the author in the same paragraph.
 */

function blockStarts(markdown: string): number[] {
  return parseMarkdown(markdown).children.map((block) => block.position?.start.offset ?? 0);
}

/** Where the Markdown's block at `index` starts (the end of the text past the last one). */
export function blockOffset(markdown: string, index: number): number {
  return blockStarts(markdown)[index] ?? markdown.length;
}

/** The index of the Markdown block that holds `offset` (the last one that starts at or before it). */
export function blockIndexAt(markdown: string, offset: number): number {
  const starts = blockStarts(markdown);
  let index = 0;
  starts.forEach((start, at) => {
    if (start <= offset) index = at;
  });
  return index;
}
