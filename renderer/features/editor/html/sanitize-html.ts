import DOMPurify, { type Config } from 'dompurify';
import { safeLinkHref } from '../../../../shared/net/safe-link';
import { HEADING_TAGS, TABLE_TAGS } from '../../../../shared/publish/tag-groups';
import { postClasses } from '../../../../shared/publish/post-classes';
import { isDraftImageSrc } from '../nodes/ImageNode';
import { markSpacesBesideImages } from './image-spaces';

/** The structure a post body can hold; everything else is unwrapped to its text or dropped. */
const ALLOWED_TAGS = [
  'p',
  'br',
  ...HEADING_TAGS,
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'strike',
  'del',
  'code',
  'pre',
  'a',
  'ul',
  'ol',
  'li',
  'blockquote',
  'hr',
  'img',
  'span',
  'div',
  'sub',
  'sup',
  'time',
  'figure',
  'figcaption',
  ...TABLE_TAGS,
  // Only as the checkbox of a task list item; tidy() removes every other input.
  'input',
  '#comment',
];

const CONFIG: Config = {
  ALLOWED_TAGS,
  // `style` is read by the hook below (bold/italic from word processors) and then removed.
  // `class` and `datetime` carry microformats (h-event, dt-start); other classes are dropped in tidy().
  ALLOWED_ATTR: [
    'href',
    'src',
    'alt',
    'title',
    'style',
    'value',
    'start',
    'class',
    'datetime',
    'width',
    'colspan',
    'rowspan',
    'type',
    'checked',
    'disabled',
  ],
  ALLOW_DATA_ATTR: false,
  // A body that starts with a comment (the "more" break) keeps it: an HTML parser puts a comment
  // before any element outside the body.
  FORCE_BODY: true,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  // Whole subtrees whose text is never part of a post.
  FORBID_CONTENTS: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'head',
    'title',
    'select',
    'textarea',
    'button',
  ],
};

/** Word processors mark emphasis with inline styles rather than tags; keep the meaning, drop the style. */
const STYLE_TAGS: [RegExp, string][] = [
  [/font-weight\s*:\s*(bold|[6-9]00)/i, 'strong'],
  [/font-style\s*:\s*italic/i, 'em'],
  [/text-decoration[^;]*underline/i, 'u'],
  [/text-decoration[^;]*line-through/i, 's'],
];

function wrapChildren(element: Element, tag: string) {
  const wrapper = element.ownerDocument.createElement(tag);
  while (element.firstChild) wrapper.append(element.firstChild);
  element.append(wrapper);
}

function createPurifier() {
  const purifier = DOMPurify(window);
  purifier.addHook('uponSanitizeElement', (node) => {
    // Only the "more" break survives as a comment; other comments (Word's conditionals) go.
    if (node.nodeType === Node.COMMENT_NODE && (node.textContent ?? '').trim().toLowerCase() !== 'more')
      node.parentNode?.removeChild(node);
  });
  return purifier;
}

function unwrap(element: Element, tag = 'span') {
  const replacement = element.ownerDocument.createElement(tag);
  while (element.firstChild) replacement.append(element.firstChild);
  element.replaceWith(replacement);
}

/** After DOMPurify, in an inert document: styles become tags or go; links and images are checked again. */
function tidy(body: HTMLElement, keepImage: (src: string) => boolean) {
  for (const element of Array.from(body.querySelectorAll('[class]'))) {
    const kept = postClasses(element.classList);
    if (kept.length > 0) element.setAttribute('class', kept.join(' '));
    else element.removeAttribute('class');
  }
  for (const input of Array.from(body.querySelectorAll('input'))) {
    const isTaskBox = input.getAttribute('type') === 'checkbox' && input.parentElement?.localName === 'li';
    if (!isTaskBox) input.remove();
  }
  codeBlocksForTheEditor(body);
  markSpacesBesideImages(body);
  for (const element of Array.from(body.querySelectorAll('[style]'))) {
    const style = element.getAttribute('style') ?? '';
    element.removeAttribute('style');
    // Google Docs wraps a whole paste in <b style="font-weight:normal">: it is not bold.
    if (element.tagName === 'B' && /font-weight\s*:\s*(normal|[1-5]00)/i.test(style)) {
      unwrap(element);
      continue;
    }
    for (const [pattern, tag] of STYLE_TAGS) if (pattern.test(style)) wrapChildren(element, tag);
  }
  for (const link of Array.from(body.querySelectorAll('a'))) {
    const href = link.getAttribute('href');
    const safe = href === null ? null : safeLinkHref(href);
    // A link whose target is not allowed stops being a link; its text stays.
    if (safe === null) link.replaceWith(...Array.from(link.childNodes));
    else link.setAttribute('href', safe);
  }
  for (const image of Array.from(body.querySelectorAll('img'))) {
    // Remote images would load content from the web into the app; keep their alt text instead.
    if (keepImage(image.getAttribute('src') ?? '')) continue;
    const alt = image.getAttribute('alt')?.trim();
    image.replaceWith(alt ? `[${alt}]` : '');
  }
}

/**
 * `<pre><code class="language-js">` (Markdown's and the blog's form of a code block) as the editor
 * reads it: the language on the `<pre>`, the lines as text.
 */
function codeBlocksForTheEditor(body: HTMLElement) {
  for (const pre of Array.from(body.querySelectorAll('pre'))) {
    const code = pre.children.length === 1 ? pre.firstElementChild : null;
    if (code?.localName !== 'code' || pre.childNodes.length !== 1) continue;
    const language = /(?:^|\s)language-([^\s]+)/.exec(code.getAttribute('class') ?? '')?.[1];
    if (language) pre.setAttribute('data-language', language);
    pre.textContent = code.textContent;
  }
}

let purifier: ReturnType<typeof createPurifier> | null = null;

/**
 * Cleans HTML from the clipboard, the HTML source view or a file: no scripts, handlers, frames,
 * forms, styles or unsafe links; the structure (headings, lists, quotes, links, emphasis) stays.
 * Returns an inert document (DOMParser never runs or loads anything) ready for Lexical's import.
 * `keepImage`: the images kept (only the app's own, served from disk); the rest become their alt text.
 */
export function sanitizeToDocument(html: string, keepImage = isDraftImageSrc): Document {
  purifier ??= createPurifier();
  const clean = purifier.sanitize(html, CONFIG) as string;
  const parsed = new DOMParser().parseFromString(`<body>${clean}`, 'text/html');
  tidy(parsed.body, keepImage);
  return parsed;
}

export function sanitizeHtml(html: string, keepImage = isDraftImageSrc): string {
  return sanitizeToDocument(html, keepImage).body.innerHTML;
}
