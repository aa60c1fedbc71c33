import type { Nodes } from 'mdast';
import { fenceToHtml } from './event-fence';
import { parseMarkdown } from './markdown-to-html';

/** A remark shown beside a line of the source view: what Markdown could not say there, and why. */
export interface MarkdownNote {
  /** 1-based, as editors count lines. */
  line: number;
  message: string;
}

const BY_TAG: Record<string, string> = {
  u: 'Markdown has no underline',
  sub: 'Markdown has no subscript',
  sup: 'Markdown has no superscript',
  mark: 'Markdown has no highlight',
  figure: 'Markdown has no caption, alignment or size for an image',
  img: 'Markdown has no size or alignment for an image',
  table: 'This table does not fit a Markdown table (one header row, one line per cell, no merged cells)',
};

/** The note for a piece of HTML in the Markdown; null for the documented forms (the "more" break). */
function noteFor(html: string): string | null {
  const comment = /^<!--\s*more\s*-->$/i.test(html.trim());
  if (comment || /^<\//.test(html) || /^<!--/.test(html)) return null;
  const match = /^<([a-z][a-z0-9-]*)([^>]*)>/i.exec(html.trim());
  if (!match) return null;
  const tag = match[1]!.toLowerCase();
  const known = BY_TAG[tag];
  if (known) return `${known}: kept as HTML.`;
  const attributes = [...match[2]!.matchAll(/([a-z-]+)\s*=/gi)].map((found) => found[1]!.toLowerCase());
  return attributes.length
    ? `Markdown cannot say <${tag}> with ${attributes.join(', ')}: kept as HTML.`
    : `Markdown has no <${tag}>: kept as HTML.`;
}

function visit(node: Nodes, notes: MarkdownNote[]) {
  const line = node.position?.start.line;
  if (line !== undefined) {
    if (node.type === 'html') {
      const message = noteFor(node.value);
      if (message) notes.push({ line, message });
    } else if (node.type === 'code' && (node.lang === 'event' || node.lang === 'events')) {
      if (!fenceToHtml(node.lang, node.value)) {
        notes.push({
          line,
          message:
            node.lang === 'event'
              ? 'This event needs a title and a start (2009-11-25 09:30): until then it is a code block.'
              : 'This list needs a heading and, for each event, a title and a start: until then it is a code block.',
        });
      }
    }
  }
  if ('children' in node) for (const child of node.children) visit(child, notes);
}

/** Notes for every line that carries HTML Markdown cannot say otherwise, one per line, in order. */
export function markdownNotes(markdown: string): MarkdownNote[] {
  const found: MarkdownNote[] = [];
  visit(parseMarkdown(markdown), found);
  const byLine = new Map<number, string[]>();
  for (const note of found) {
    const messages = byLine.get(note.line) ?? [];
    if (!messages.includes(note.message)) messages.push(note.message);
    byLine.set(note.line, messages);
  }
  return [...byLine].map(([line, messages]) => ({ line, message: messages.join(' ') }));
}
