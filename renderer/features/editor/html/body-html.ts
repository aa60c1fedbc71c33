import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import {
  $createParagraphNode,
  $getRoot,
  $isDecoratorNode,
  $isElementNode,
  type LexicalEditor,
} from 'lexical';
import { postClasses } from '../../../../shared/publish/post-classes';
import { sanitizeToDocument } from './sanitize-html';
import { $restoreSpacesBesideImages } from './image-spaces';
import { $headerRowOnly } from '../plugins/TablePlugin/imported-headers';
import {
  publishedCodeBlocks,
  publishedNestedLists,
  publishedTables,
  publishedTaskLists,
} from './published-blocks';

/** Attributes that only matter inside the editor: theme classes, Lexical's styles and bookkeeping. */
const EDITOR_ONLY_ATTRIBUTES = ['class', 'style', 'dir', 'spellcheck', 'role', 'tabindex', 'aria-checked'];

/**
 * Lexical's HTML carries the editor's classes, `white-space: pre-wrap` on every run of text, list
 * item numbers and doubled tags (<b><strong>). A post gets plain, clean HTML instead.
 */
export function cleanExportedHtml(html: string): string {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  // Read from Lexical's markers first, which the loop below removes.
  publishedTaskLists(body);
  publishedCodeBlocks(body);
  publishedTables(body);
  publishedNestedLists(body);
  for (const element of Array.from(body.querySelectorAll('*'))) {
    const kept = postClasses(element.classList);
    for (const name of EDITOR_ONLY_ATTRIBUTES) element.removeAttribute(name);
    for (const { name } of Array.from(element.attributes))
      if (name.startsWith('data-') || name.startsWith('__')) element.removeAttribute(name);
    if (kept.length > 0) element.setAttribute('class', kept.join(' '));
    if (element.localName === 'li') element.removeAttribute('value');
    // Lexical keeps a start number on bullet lists too, where it means nothing.
    if (element.localName === 'ul') element.removeAttribute('start');
  }
  // A figure cannot sit in a paragraph: the parser closed the paragraph around it, leaving empty ones.
  for (const paragraph of Array.from(body.querySelectorAll('p')))
    if (paragraph.childNodes.length === 0) paragraph.remove();
  const unwrap = (element: Element) => element.replaceWith(...Array.from(element.childNodes));
  for (const span of Array.from(body.querySelectorAll('span')))
    if (span.attributes.length === 0) unwrap(span);
  for (const [outer, inner] of [
    ['b', 'strong'],
    ['i', 'em'],
  ] as const) {
    for (const element of Array.from(body.querySelectorAll(outer)))
      if (element.childNodes.length === 1 && element.firstElementChild?.localName === inner) unwrap(element);
  }
  return body.innerHTML;
}

/** The body as the HTML that is published, exported and searched (call inside a read or update). */
export function $exportBodyHtml(editor: LexicalEditor): string {
  return cleanExportedHtml($generateHtmlFromNodes(editor, null));
}

/**
 * Replaces the body with (sanitised) HTML, inside an update. Inline nodes at the top level are
 * wrapped in paragraphs, since the root only holds blocks.
 */
export function $replaceBodyWithHtml(editor: LexicalEditor, html: string) {
  const nodes = $generateNodesFromDOM(editor, sanitizeToDocument(html));
  $headerRowOnly(nodes);
  $restoreSpacesBesideImages(nodes);
  const root = $getRoot();
  root.clear();
  let paragraph = null;
  for (const node of nodes) {
    if (($isElementNode(node) || $isDecoratorNode(node)) && !node.isInline()) {
      paragraph = null;
      root.append(node);
    } else {
      if (!paragraph) {
        paragraph = $createParagraphNode();
        root.append(paragraph);
      }
      paragraph.append(node);
    }
  }
  if (root.getChildrenSize() === 0) root.append($createParagraphNode());
}

const BLOCK_END = /(<\/(?:p|h[1-6]|li|ul|ol|blockquote|pre)>|<hr>|<!--more-->)/g;
const LIST_START = /(<(?:ul|ol)[^>]*>)/g;

/** One block per line, so the HTML source view can be read and edited by hand. */
export function formatHtmlForEditing(html: string): string {
  return html
    .replace(BLOCK_END, '$1\n')
    .replace(LIST_START, '$1\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
