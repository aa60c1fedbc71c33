import { allowedLinkTarget } from '../../../shared/net/safe-link';
import { HEADINGS_WITHOUT_ATTRIBUTES } from '../../../shared/publish/tag-groups';
import { COMMENT_NODE, ELEMENT_NODE, HTML_NAMESPACE, parseHtml, TEXT_NODE, type HtmlNode } from './html-dom';

/**
 * An allowlist sanitiser for HTML from outside (imported files, drafts made by the CLI) and for
 * exports. The input is parsed by a real HTML5 parser and the output is written by this file from
 * the tree: only the elements and attributes below, text and attribute values escaped, URLs limited
 * to safe schemes. Nothing else survives: no script, style, event handler, SVG or MathML, no
 * `javascript:` or `data:` link. Unknown elements are unwrapped so their text is kept.
 */
const VOID = new Set(['br', 'hr', 'img']);

const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  ...HEADINGS_WITHOUT_ATTRIBUTES,
  b: [],
  strong: [],
  i: [],
  em: [],
  u: [],
  s: [],
  strike: [],
  del: ['datetime'],
  ins: ['datetime'],
  sub: [],
  sup: [],
  small: [],
  mark: [],
  code: ['data-language'],
  kbd: [],
  samp: [],
  var: [],
  pre: ['data-language', 'data-highlight-language'],
  blockquote: ['cite'],
  q: ['cite'],
  cite: [],
  abbr: [],
  ul: [],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  dl: [],
  dt: [],
  dd: [],
  a: ['href', 'rel'],
  img: ['src', 'alt', 'width', 'height'],
  figure: [],
  figcaption: [],
  table: [],
  caption: [],
  thead: [],
  tbody: [],
  tfoot: [],
  tr: [],
  th: ['colspan', 'rowspan', 'scope'],
  td: ['colspan', 'rowspan'],
  span: [],
  div: [],
  time: ['datetime'],
  data: ['value'],
};

/** Allowed on every element above. `class` carries microformats (h-event, dt-start) and code languages. */
const GLOBAL_ATTRIBUTES = ['class', 'title', 'lang', 'dir'];

/** Dropped with everything inside them: their content is code, styling, or not text at all. */
const DROPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'textarea',
  'select',
  'option',
  'button',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'param',
]);

const MAX_DEPTH = 200;

export function sanitizeHtml(html: string): string {
  const body = parseHtml(html).body;
  if (!body) return '';
  const out: string[] = [];
  writeChildren(body, out, 0);
  return out.join('');
}

/** Writes an already parsed node's children, sanitised (the importer uses it after taking the title). */
export function sanitizeChildren(node: HtmlNode): string {
  const out: string[] = [];
  writeChildren(node, out, 0);
  return out.join('');
}

function writeChildren(node: HtmlNode, out: string[], depth: number): void {
  const children = node.childNodes;
  for (let i = 0; i < children.length; i += 1) writeNode(children[i]!, out, depth);
}

function writeNode(node: HtmlNode, out: string[], depth: number): void {
  if (node.nodeType === TEXT_NODE) {
    out.push(escapeText(node.data ?? ''));
    return;
  }
  if (node.nodeType === COMMENT_NODE) {
    // The "more" break is the only comment with meaning for a post (excerpt / body split).
    if ((node.data ?? '').trim().toLowerCase() === 'more') out.push('<!--more-->');
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  // Foreign content (SVG, MathML) parses by other rules and hosts most mutation tricks: never kept.
  if (node.namespaceURI !== HTML_NAMESPACE) return;
  const name = (node.localName ?? node.nodeName).toLowerCase();
  if (name === 'input') {
    out.push(taskCheckbox(node));
    return;
  }
  if (DROPPED.has(name)) return;
  if (depth >= MAX_DEPTH) {
    out.push(escapeText(node.textContent ?? ''));
    return;
  }
  const allowed = ALLOWED[name];
  if (!allowed) {
    writeChildren(node, out, depth + 1);
    return;
  }
  const attributes = attributesOf(node, name, allowed);
  if (name === 'span' && attributes === '') {
    writeChildren(node, out, depth + 1);
    return;
  }
  if (name === 'img' && !attributes.includes(' src="')) return;
  out.push(`<${name}${attributes}>`);
  if (VOID.has(name)) return;
  writeChildren(node, out, depth + 1);
  out.push(`</${name}>`);
}

/**
 * A task list's checkbox (GFM, as the editor publishes it) is written anew, nothing taken from the
 * input but whether it is ticked; any other input is dropped.
 */
function taskCheckbox(node: HtmlNode): string {
  const attributes = Array.from(node.attributes ?? []);
  const type = attributes.find((attribute) => attribute.name.toLowerCase() === 'type')?.value;
  if (type?.toLowerCase() !== 'checkbox') return '';
  const checked = attributes.some((attribute) => attribute.name.toLowerCase() === 'checked');
  return checked ? '<input type="checkbox" disabled checked>' : '<input type="checkbox" disabled>';
}

function attributesOf(node: HtmlNode, element: string, allowed: readonly string[]): string {
  const list = node.attributes;
  if (!list) return '';
  let out = '';
  for (let i = 0; i < list.length; i += 1) {
    const { name: rawName, value } = list[i]!;
    const name = rawName.toLowerCase();
    if (!allowed.includes(name) && !GLOBAL_ATTRIBUTES.includes(name)) continue;
    const clean = cleanAttribute(element, name, value);
    if (clean !== null) out += ` ${name}="${escapeAttribute(clean)}"`;
  }
  return out;
}

function cleanAttribute(element: string, name: string, value: string): string | null {
  switch (name) {
    case 'href':
      return allowedLinkTarget(value, 'link');
    case 'cite':
      return allowedLinkTarget(value, 'web');
    case 'src':
      return element === 'img' ? safeImageSource(value) : null;
    case 'class':
    case 'rel': {
      const tokens = value.split(/\s+/).filter((token) => /^[A-Za-z0-9_-]{1,64}$/.test(token));
      return tokens.length > 0 ? tokens.join(' ') : null;
    }
    case 'width':
    case 'height':
    case 'start':
    case 'value':
    case 'colspan':
    case 'rowspan':
      return /^\s*-?\d{1,6}\s*$/.test(value) ? value.trim() : null;
    case 'dir':
      return /^(ltr|rtl|auto)$/i.test(value) ? value.toLowerCase() : null;
    case 'type':
      return /^[1aAiI]$/.test(value) ? value : null;
    case 'reversed':
      return '';
    case 'scope':
      return /^(row|col|rowgroup|colgroup)$/i.test(value) ? value.toLowerCase() : null;
    case 'data-language':
    case 'data-highlight-language':
    case 'lang':
      return /^[A-Za-z0-9+#._-]{1,40}$/.test(value) ? value : null;
    default:
      // title, alt, datetime: plain text, escaped on output.
      return value.slice(0, 2000);
  }
}

const IMAGE_DATA = /^data:image\/(png|jpeg|gif|webp|avif);base64,[A-Za-z0-9+/=\s]+$/i;

function safeImageSource(value: string): string | null {
  const url = value.trim();
  if (/^data:/i.test(url)) return IMAGE_DATA.test(url) ? url.replace(/\s+/g, '') : null;
  return allowedLinkTarget(url, 'web');
}

export function escapeText(text: string): string {
  return text.replace(/[&<>\u00a0]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&nbsp;',
  );
}

export function escapeAttribute(text: string): string {
  return text.replace(/[&"<>]/g, (c) =>
    c === '&' ? '&amp;' : c === '"' ? '&quot;' : c === '<' ? '&lt;' : '&gt;',
  );
}
