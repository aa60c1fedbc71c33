import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { toMdast, type State } from 'hast-util-to-mdast';
import type { Nodes as MdastNodes, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import { gfmStrikethroughToMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableToMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemToMarkdown } from 'mdast-util-gfm-task-list-item';
import { toMarkdown, type Options as ToMarkdownOptions } from 'mdast-util-to-markdown';
import { eventFence, fenceToHtml, readEventBlock, readUpcomingBlock, upcomingFence } from './event-fence';
import { canSayElement, isGfmTable, isPhrasing } from './markdown-can-say';

/**
 * A post's HTML as CommonMark with GFM tables, strikethrough and task lists: the text the source
 * view shows and `drafts export --format md` prints. What Markdown cannot say is kept as HTML (see
 * markdown-can-say.ts), the calendar's blocks become `event` fences and the "more" break stays
 * `<!--more-->`, so markdownToHtml gives the same document back.
 */

/** How the Markdown is written: the forms most people type. */
export const MARKDOWN_STYLE: ToMarkdownOptions = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  rule: '-',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  resourceLink: true,
  // `<` before a letter is escaped already (HTML); before `}@a>` it would start an email autolink.
  unsafe: [{ character: '<', inConstruct: 'phrasing' }],
};

// Placeholder elements the pre-pass puts where Markdown must carry HTML or a fence. Inline HTML
// rides on a marked `<span>`, so it still counts as text when lines are put into paragraphs.
const RAW_BLOCK = 'x-postwright-raw-block';
const RAW_INLINE = 'span';
const RAW_MARK = 'postwrightRaw';
const FENCE = 'x-postwright-fence';

declare module 'mdast' {
  /** Marks HTML that stands for a whole block, so it is taken out of the paragraph around it. */
  interface HtmlData {
    rawBlock?: boolean;
  }
}

function placeholder(
  tagName: string,
  properties: Record<string, string>,
  children: ElementContent[] = [],
): Element {
  return { type: 'element', tagName, properties: { ...properties, [RAW_MARK]: 'yes' }, children };
}

/**
 * A piece of inline HTML with nothing of Markdown inside (an `<img>` with a size). Its stand-in
 * holds a letter, so white space beside it is kept as text, not trimmed as at the edge of a line.
 */
function rawInline(value: string): Element {
  return placeholder(RAW_INLINE, { value }, [{ type: 'text', value: 'x' }]);
}

function toText(element: Element): string {
  return element.children
    .map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? toText(child) : ''))
    .join('');
}

/** HTML for a raw block: no blank line inside, since a blank line ends an HTML block. */
function blockHtml(element: Element): string {
  const html = toHtml(element);
  return element.tagName === 'pre' ? html : html.replace(/\n(?=[ \t]*\n)/g, '&#10;');
}

/** The tag that opens an element, attributes and all. */
function openTag(element: Element): string {
  const html = toHtml({ ...element, children: [] });
  return html.slice(0, html.length - `</${element.tagName}>`.length);
}

/** Line breaks before any text of a block: Markdown has no way to start a paragraph with one. */
function leadingBreaks(nodes: ElementContent[]): Set<ElementContent> {
  const found = new Set<ElementContent>();
  for (const node of nodes) {
    if (node.type === 'element' && node.tagName === 'br') found.add(node);
    else if (node.type !== 'text' || node.value.trim() !== '') break;
  }
  return found;
}

/**
 * `<code>a</code><code>b</code>` is one run of code to a reader; written apart in Markdown the two
 * spans would read as one with a literal backtick inside (and `~~a~~~~b~~` as no strikethrough at
 * all), so such neighbours are joined. Emphasis needs nothing: Markdown alternates `_` and `*`.
 */
const JOINED = new Set(['code', 's', 'del', 'strike']);

function joinNeighbours(nodes: ElementContent[]): ElementContent[] {
  const joined: ElementContent[] = [];
  for (const node of nodes) {
    const last = joined.at(-1);
    if (
      node.type === 'element' &&
      last?.type === 'element' &&
      last.tagName === node.tagName &&
      JOINED.has(node.tagName) &&
      JSON.stringify(last.properties) === JSON.stringify(node.properties)
    ) {
      joined[joined.length - 1] = { ...last, children: joinNeighbours([...last.children, ...node.children]) };
    } else joined.push(node);
  }
  return joined;
}

/** A paragraph of nothing but line breaks and spaces: an empty line, which Markdown has no way to keep. */
function isBlankParagraph(node: ElementContent): boolean {
  return (
    node.type === 'element' &&
    node.tagName === 'p' &&
    node.children.every(
      (child) =>
        (child.type === 'text' && child.value.trim() === '') ||
        (child.type === 'element' && child.tagName === 'br'),
    )
  );
}

function replaceUnsayable(given: ElementContent[], parent: Element | null): ElementContent[] {
  const nodes = joinNeighbours(given.filter((node) => !isBlankParagraph(node)));
  const leading = !parent || !isPhrasing(parent) ? leadingBreaks(nodes) : new Set<ElementContent>();
  return nodes.map((node): ElementContent => {
    if (node.type !== 'element') return node;
    if (leading.has(node)) return rawInline('<br>');
    const event = node.tagName === 'div' ? readEventBlock(node) : null;
    if (event && sameHtml(node, eventFence(event), 'event')) {
      return placeholder(FENCE, { lang: 'event', value: eventFence(event) });
    }
    const upcoming = node.tagName === 'div' ? readUpcomingBlock(node) : null;
    if (upcoming) {
      const fence = upcomingFence(upcoming.heading, upcoming.items);
      if (sameHtml(node, fence, 'events')) return placeholder(FENCE, { lang: 'events', value: fence });
    }
    if (node.tagName === 'table') {
      return isGfmTable(node) ? gfmTable(node) : placeholder(RAW_BLOCK, { value: blockHtml(node) });
    }
    // Code of white space only would be trimmed away, leaving two backticks.
    if (node.tagName === 'code' && parent?.tagName !== 'pre' && /^\s+$/.test(toText(node)))
      return rawInline(toHtml(node));
    if (canSayElement(node, parent)) return { ...node, children: replaceUnsayable(node.children, node) };
    if (!isPhrasing(node)) return placeholder(RAW_BLOCK, { value: blockHtml(node) });
    if (node.children.length === 0) return rawInline(toHtml(node));
    // Inline HTML around Markdown: `<u>**bold** words</u>` keeps the words in Markdown.
    return placeholder(
      RAW_INLINE,
      { open: openTag(node), close: `</${node.tagName}>` },
      replaceUnsayable(node.children, node),
    );
  });
}

/** A table Markdown can say: its rows and cells stay, what the cells hold is judged like any text. */
function gfmTable(table: Element): Element {
  const walk = (element: Element): Element => ({
    ...element,
    children: element.children.map((child) =>
      child.type !== 'element'
        ? child
        : child.tagName === 'th' || child.tagName === 'td'
          ? { ...child, children: replaceUnsayable(child.children, child) }
          : walk(child),
    ),
  });
  return walk(table);
}

/** The fence stands for the block only when it writes the very same HTML back. */
function sameHtml(element: Element, fence: string, kind: string): boolean {
  const html = fenceToHtml(kind, fence);
  if (!html) return false;
  const again = fromHtml(html, { fragment: true }).children[0];
  return again !== undefined && canonical(again) === canonical(element);
}

/** A node as text with its attributes in name order, so two writings of one element compare equal. */
function canonical(node: RootContent | ElementContent): string {
  if (node.type === 'text') return JSON.stringify(node.value);
  if (node.type !== 'element') return '';
  const properties = Object.keys(node.properties)
    .sort()
    .map((key) => `${key}=${JSON.stringify(node.properties[key])}`);
  return `<${node.tagName} ${properties.join(' ')}>${node.children.map(canonical).join('')}</${node.tagName}>`;
}

/** HTML inside a line; `hName` tells hast-util-to-mdast it is text-level, so lines stay together. */
function inlineHtml(value: string): MdastNodes {
  return { type: 'html', value, data: { hName: 'span' } };
}

const handlers = {
  [RAW_BLOCK]: (_state: State, element: Element) => ({
    type: 'html' as const,
    value: String(element.properties.value),
    data: { rawBlock: true },
  }),
  [RAW_INLINE]: (state: State, element: Element): MdastNodes[] => {
    if (element.properties[RAW_MARK] !== 'yes') return state.all(element) as MdastNodes[];
    if (typeof element.properties.value === 'string') return [inlineHtml(element.properties.value)];
    return [
      inlineHtml(String(element.properties.open)),
      ...(state.all(element) as MdastNodes[]),
      inlineHtml(String(element.properties.close)),
    ];
  },
  [FENCE]: (_state: State, element: Element) => ({
    type: 'code' as const,
    lang: String(element.properties.lang),
    meta: null,
    value: String(element.properties.value),
  }),
};

/** A raw block that hast-util-to-mdast wrapped into a paragraph becomes a block of its own again. */
function unwrapRawBlocks(nodes: MdastContent[]): MdastContent[] {
  return nodes.flatMap((node): MdastContent[] => {
    if (
      node.type === 'paragraph' &&
      node.children.every((child) => child.type === 'html' && child.data && 'rawBlock' in child.data)
    ) {
      return node.children as MdastContent[];
    }
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table') {
      (node as { children: MdastContent[] }).children = unwrapRawBlocks(node.children as MdastContent[]);
    }
    return [node];
  });
}

/**
 * Items of one paragraph are written tight, as the editor makes them: hast-util-to-mdast reads
 * some of them as loose, which would put blank lines into the list.
 */
function tighten(node: MdastNodes) {
  if (!('children' in node)) return;
  for (const child of node.children) tighten(child);
  if (node.type === 'listItem')
    node.spread = node.children.filter((child) => child.type === 'paragraph').length > 1;
  if (node.type === 'list') node.spread = node.children.some((item) => item.spread);
}

export function htmlToMarkdown(html: string): string {
  const tree: Root = fromHtml(html, { fragment: true });
  tree.children = replaceUnsayable(tree.children as ElementContent[], null) as RootContent[];
  const mdast = toMdast(tree, { handlers }) as MdastRoot;
  mdast.children = unwrapRawBlocks(mdast.children);
  tighten(mdast);
  const markdown = toMarkdown(mdast, {
    ...MARKDOWN_STYLE,
    extensions: [gfmTableToMarkdown(), gfmStrikethroughToMarkdown(), gfmTaskListItemToMarkdown()],
  });
  return markdown.trim() ? `${markdown.trimEnd()}\n` : '';
}

/** `# Title` (one line) with whatever in the title Markdown would read as markup escaped. */
export function markdownHeading(title: string): string {
  return toMarkdown(
    { type: 'heading', depth: 1, children: [{ type: 'text', value: title }] },
    MARKDOWN_STYLE,
  ).trimEnd();
}
