import { CoreFailure } from '../../../shared/contract/errors';
import { htmlToMarkdown, markdownHeading } from '../../../shared/markdown/html-to-markdown';
import { markdownToHtml as renderMarkdown } from '../../../shared/markdown/markdown-to-html';
import type { Draft, DraftFields } from '../../../shared/model/draft';
import { ELEMENT_NODE, parseHtml, type HtmlNode } from './html-dom';
import { escapeText, sanitizeChildren, sanitizeHtml } from './html-sanitize';

/**
 * Markdown to HTML, as the editor's Markdown mode reads it (CommonMark + GFM tables, strikethrough,
 * task lists; event fences); the result still goes through the sanitiser before it is kept.
 */
export function markdownToHtml(markdown: string): string {
  return renderMarkdown(markdown);
}

/**
 * The body of a Markdown file given a title of its own (`drafts new --title T --md file`): a first
 * `# T` is the title again, as in the file `drafts export --format md` writes, so it is left out.
 */
export function markdownBody(markdown: string, title: string): string {
  const document = parseHtml(markdownToHtml(markdown));
  const first = firstElement(document.body);
  if (first?.nodeName.toLowerCase() === 'h1' && (first.textContent ?? '').trim() === title.trim())
    first.remove();
  return document.body ? sanitizeChildren(document.body).trim() : '';
}

/** A draft as a file: a standalone HTML document, or Markdown with the title as its first heading. */
export function exportDraft(draft: Draft, format: 'html' | 'md'): { filename: string; content: string } {
  const body = sanitizeHtml(draft.html);
  const title = draft.title.trim() || 'Untitled';
  const filename = `${fileStem(draft.title) || draft.id}.${format}`;
  if (format === 'md') {
    // The same Markdown the editor's Markdown mode shows, under the title as a heading.
    const markdown = htmlToMarkdown(body);
    return { filename, content: `${markdownHeading(title)}\n${markdown ? `\n${markdown}` : ''}` };
  }
  const content = [
    '<!doctype html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeText(title)}</title>`,
    '</head>',
    '<body>',
    `<h1>${escapeText(title)}</h1>`,
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return { filename, content };
}

/**
 * A new draft from an .html or .md file. The title comes from the document's <title>, else a
 * leading <h1> (or `# heading`, or a front-matter `title:`), else the file name; the body is sanitised.
 */
export function importDraft(filename: string, content: string): Partial<DraftFields> & { html: string } {
  const extension = /\.([a-z]+)$/i.exec(filename)?.[1]?.toLowerCase();
  let source = content.replace(/^\uFEFF/, '');
  let frontMatterTitle = '';
  if (extension === 'md' || extension === 'markdown') {
    const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
    if (front) {
      frontMatterTitle = /^title:\s*["']?(.*?)["']?\s*$/m.exec(front[1]!)?.[1] ?? '';
      source = source.slice(front[0].length);
    }
    source = markdownToHtml(source);
  } else if (extension !== 'html' && extension !== 'htm') {
    throw new CoreFailure('invalid-args', `Postwright imports .html and .md files; ${filename} is neither.`);
  }
  const document = parseHtml(source);
  const body = document.body;
  let title = frontMatterTitle || document.title.trim();
  const first = firstElement(body);
  if (first && first.nodeName.toLowerCase() === 'h1') {
    const heading = (first.textContent ?? '').trim();
    if (!title || heading === title) {
      title = title || heading;
      first.remove();
    }
  }
  return {
    title: (title || fileStem(baseName(filename).replace(/\.[^.]*$/, ''), true) || 'Untitled').slice(0, 1000),
    html: body ? sanitizeChildren(body).trim() : '',
  };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function firstElement(node: HtmlNode | null): HtmlNode | null {
  if (!node) return null;
  for (let i = 0; i < node.childNodes.length; i += 1) {
    const child = node.childNodes[i]!;
    if (child.nodeType === ELEMENT_NODE) return child;
    if (child.nodeType === 3 && (child.data ?? '').trim() !== '') return null;
  }
  return null;
}

/** A name safe on every file system; `keepSpaces` gives a readable title from a file name instead. */
function fileStem(text: string, keepSpaces = false): string {
  if (keepSpaces) return text.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}
