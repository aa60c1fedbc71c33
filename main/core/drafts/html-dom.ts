import { createRequire } from 'node:module';

/**
 * The few DOM members the sanitiser and importer read, from @mixmark-io/domino: an HTML5 parser
 * (a real tree builder, so the tree matches what a browser builds).
 * Its bundled types describe a global 'domino' module with DOM types this Node project has no lib
 * for, hence this narrow view of it.
 */
export interface HtmlNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly namespaceURI?: string | null;
  readonly localName?: string;
  readonly childNodes: ArrayLike<HtmlNode>;
  readonly attributes?: ArrayLike<{ name: string; value: string }>;
  readonly data?: string;
  readonly textContent: string | null;
  readonly firstElementChild?: HtmlNode | null;
  remove(): void;
}

export interface HtmlDocument {
  readonly title: string;
  readonly body: HtmlNode | null;
  querySelector(selector: string): HtmlNode | null;
}

type Domino = { createDocument(html: string, force?: boolean): HtmlDocument };
// Loaded on first use: most commands and app starts never parse HTML.
let domino: Domino | undefined;

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const COMMENT_NODE = 8;
export const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Parses a whole document or a fragment (a fragment lands in the body, as in a browser). */
export function parseHtml(html: string): HtmlDocument {
  domino ??= createRequire(import.meta.url)('@mixmark-io/domino') as Domino;
  return domino.createDocument(html, true);
}
