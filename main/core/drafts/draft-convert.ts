import { randomBytes } from 'node:crypto';
import { marked } from 'marked';
import TurndownService from 'turndown';
import { CoreFailure } from '../../../shared/contract/errors';
import type { Draft, DraftFields } from '../../../shared/model/draft';
import { ELEMENT_NODE, parseHtml, type HtmlNode } from './html-dom';
import { escapeText, sanitizeChildren, sanitizeHtml } from './html-sanitize';

function markdownConverter(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    codeBlockStyle: 'fenced',
    fence: '```',
    bulletListMarker: '-',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
  });
  // Turndown pads list markers to four columns ("-   item"); one space is what people write.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node, options) => {
      const parent = node.parentNode as {
        nodeName: string;
        getAttribute(name: string): string | null;
        children: ArrayLike<unknown>;
      };
      let prefix = `${options.bulletListMarker} `;
      if (parent.nodeName === 'OL') {
        const start = Number(parent.getAttribute('start') ?? '1') || 1;
        prefix = `${start + Array.prototype.indexOf.call(parent.children, node)}. `;
      }
      const body = content
        .replace(/^\n+/, '')
        .replace(/\n+$/, '\n')
        .replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (node.nextSibling && !body.endsWith('\n') ? '\n' : '');
    },
  });
  service.addRule('strikethrough', {
    filter: ['s', 'del', 'strike'],
    replacement: (content) => `~~${content}~~`,
  });
  return service;
}

/** Markdown to HTML (GitHub flavour); the result still goes through the sanitiser before it is kept. */
export function markdownToHtml(markdown: string): string {
  try {
    return marked.parse(markdown, { async: false, gfm: true });
  } catch (error) {
    if (!(error instanceof RangeError || /call stack/i.test(String(error)))) throw error;
    // Marked's patterns run out of stack on a line of millions of characters: keep the words as plain paragraphs.
    return markdown
      .split(/\n\s*\n/)
      .filter((paragraph) => paragraph.trim() !== '')
      .map((paragraph) => `<p>${escapeText(paragraph.trim())}</p>`)
      .join('\n');
  }
}

/** A draft as a file: a standalone HTML document, or Markdown with the title as its first heading. */
export function exportDraft(draft: Draft, format: 'html' | 'md'): { filename: string; content: string } {
  const body = sanitizeHtml(draft.html);
  const title = draft.title.trim() || 'Untitled';
  const filename = `${fileStem(draft.title) || draft.id}.${format}`;
  if (format === 'md') {
    // Turndown drops comments, so the "more" break travels as a paragraph of a random word and comes back.
    const marker = `postwrightmore${randomBytes(6).toString('hex')}`;
    const markdown = markdownConverter()
      .turndown(body.split('<!--more-->').join(`<p>${marker}</p>`))
      .split(marker)
      .join('<!--more-->');
    return { filename, content: `# ${title}\n\n${markdown.trim()}\n` };
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
