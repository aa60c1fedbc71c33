import type { ElementContent, Nodes as HastNodes, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Blockquote, Code, Delete, Root as MdastRoot } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { toHast, type State } from 'mdast-util-to-hast';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { HEADING_TAGS, TABLE_TAGS } from '../publish/tag-groups';
import { fenceToHtml } from './event-fence';

/**
 * CommonMark with GFM's tables, strikethrough and task lists. GFM's bare-address links are left
 * out: a post's text (an email address, "www.") would turn into links on the way back.
 */
export function parseMarkdown(markdown: string): MdastRoot {
  return fromMarkdown(markdown, {
    extensions: [gfmTable(), gfmStrikethrough({ singleTilde: false }), gfmTaskListItem()],
    mdastExtensions: [gfmTableFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTaskListItemFromMarkdown()],
  });
}

/** Blocks that hold only other blocks: the line breaks between them are not text. */
const BLOCK_PARENTS = new Set(['ul', 'ol', 'blockquote', 'table', 'thead', 'tbody', 'tr']);
const BLOCKS = new Set([
  'p',
  'ul',
  'ol',
  'li',
  'pre',
  'blockquote',
  ...TABLE_TAGS,
  'hr',
  'div',
  'figure',
  ...HEADING_TAGS,
]);

const element = (tagName: string, children: ElementContent[]): ElementContent => ({
  type: 'element',
  tagName,
  properties: {},
  children,
});

/** List items as the editor holds them: their paragraphs become lines (see paragraphsAsLines). */
function listItemLines(children: ElementContent[]): ElementContent[] {
  return children.map((child) => {
    if (child.type !== 'element') return child;
    const inside = listItemLines(child.children);
    return { ...child, children: child.tagName === 'li' ? paragraphsAsLines(inside) : inside };
  });
}

function dropLayoutNewlines(children: ElementContent[], inBlockParent: boolean): ElementContent[] {
  const isBlock = (node: ElementContent | undefined) => node?.type === 'element' && BLOCKS.has(node.tagName);
  return children
    .filter((child, index) => {
      if (child.type !== 'text' || child.value.trim() !== '') return true;
      const previous = children[index - 1];
      const next = children[index + 1];
      const atEdge = inBlockParent && (previous === undefined || next === undefined);
      return !(atEdge || isBlock(previous) || isBlock(next));
    })
    .map((child) =>
      child.type === 'element'
        ? { ...child, children: dropLayoutNewlines(child.children, BLOCK_PARENTS.has(child.tagName)) }
        : child,
    );
}

/**
 * A quote or a list item holds lines of text in the editor, as in most blogs' posts: paragraphs in
 * it are joined by a blank line (two line breaks) instead of nested `<p>`s. A Markdown list is
 * "loose" as soon as one item has a blank line, which would wrap every item in a paragraph.
 */
function paragraphsAsLines(children: ElementContent[]): ElementContent[] {
  const isBlock = (node: ElementContent | undefined) => node?.type === 'element' && BLOCKS.has(node.tagName);
  const out: ElementContent[] = [];
  let previousWasParagraph = false;
  children.forEach((child, index) => {
    const layout = child.type === 'text' && child.value.trim() === '';
    if (layout && (isBlock(children[index - 1]) || isBlock(children[index + 1]))) return;
    const isParagraph = child.type === 'element' && child.tagName === 'p';
    if (isParagraph && previousWasParagraph) out.push(element('br', []), element('br', []));
    out.push(...(isParagraph ? child.children : [child]));
    previousWasParagraph = isParagraph;
  });
  return out;
}

const handlers = {
  blockquote: (state: State, node: Blockquote): ElementContent => {
    const children = state.all(node);
    const onlyParagraphs = children.every((child) => child.type !== 'element' || child.tagName === 'p');
    return element('blockquote', onlyParagraphs ? paragraphsAsLines(children) : children);
  },
  /** Event fences become the calendar's h-event HTML; other fences a code block without a trailing newline. */
  code: (_state: State, node: Code): ElementContent => {
    const html = node.lang === 'event' || node.lang === 'events' ? fenceToHtml(node.lang, node.value) : null;
    if (html) return { type: 'raw', value: html } as unknown as ElementContent;
    const language = node.lang?.split(/\s+/)[0];
    return {
      type: 'element',
      tagName: 'pre',
      properties: {},
      children: [
        {
          type: 'element',
          tagName: 'code',
          properties: language ? { className: [`language-${language}`] } : {},
          children: [{ type: 'text', value: node.value }],
        },
      ],
    };
  },
  /** `~~words~~` as `<s>`, the strikethrough the editor writes and reads. */
  delete: (state: State, node: Delete): ElementContent => ({
    type: 'element',
    tagName: 's',
    properties: {},
    children: state.all(node),
  }),
};

/** Markdown as the HTML a post carries (sanitise before it is shown or kept: raw HTML passes through). */
export function markdownToHtml(markdown: string): string {
  const hast = toHast(parseMarkdown(markdown), { allowDangerousHtml: true, handlers }) as HastNodes;
  const root: Root = hast.type === 'root' ? hast : { type: 'root', children: [hast as ElementContent] };
  root.children = dropLayoutNewlines(listItemLines(root.children as ElementContent[]), true);
  return toHtml(root, { allowDangerousHtml: true });
}
