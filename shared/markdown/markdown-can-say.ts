import type { Element, ElementContent } from 'hast';
import { HEADINGS_WITHOUT_ATTRIBUTES } from '../publish/tag-groups';

/**
 * What CommonMark with GFM can say of a post's HTML, element by element. An element Markdown cannot
 * say whole (a tag it has no syntax for, or an attribute or class it would drop) is kept as HTML in
 * the Markdown, so nothing is lost on the way through; the source view then says so beside the line.
 */

/** Elements that live inside a line of text; anything else is a block. */
const PHRASING = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);

/** Per element Markdown has syntax for: the properties (hast names) that syntax carries. */
const SAYABLE: Record<string, readonly string[]> = {
  p: [],
  ...HEADINGS_WITHOUT_ATTRIBUTES,
  blockquote: [],
  strong: [],
  b: [],
  em: [],
  i: [],
  s: [],
  del: [],
  strike: [],
  code: [],
  pre: [],
  br: [],
  hr: [],
  ul: [],
  ol: ['start'],
  li: [],
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
};

/** GFM task lists carry these classes, as GitHub and the editor write them. */
const TASK_CLASSES = new Set(['contains-task-list', 'task-list-item']);

export function isPhrasing(element: Element): boolean {
  return PHRASING.has(element.tagName);
}

function classesOf(element: Element): string[] {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function elementChildren(element: Element): Element[] {
  return element.children.filter((child): child is Element => child.type === 'element');
}

/** A `<code class="language-x">` inside `<pre>`: the fence's info string. */
function isFencedCode(element: Element, parent: Element | null): boolean {
  if (parent?.tagName !== 'pre') return false;
  const classes = classesOf(element);
  return classes.length <= 1 && classes.every((name) => /^language-[\w#+.-]+$/.test(name));
}

function isTaskCheckbox(element: Element, parent: Element | null): boolean {
  const { type, checked, disabled, ...rest } = element.properties;
  return (
    type === 'checkbox' &&
    Object.keys(rest).length === 0 &&
    (checked === undefined || typeof checked === 'boolean') &&
    (disabled === undefined || typeof disabled === 'boolean') &&
    parent?.tagName === 'li' &&
    parent.children.find((child) => child.type === 'element') === element
  );
}

/** Whether the element's own tag and attributes can be written in Markdown (not its children). */
export function canSayElement(element: Element, parent: Element | null): boolean {
  if (element.tagName === 'input') return isTaskCheckbox(element, parent);
  if (element.tagName === 'code' && parent?.tagName === 'pre') {
    return (
      isFencedCode(element, parent) && Object.keys(element.properties).every((key) => key === 'className')
    );
  }
  const allowed = SAYABLE[element.tagName];
  if (!allowed) return false;
  for (const [name, value] of Object.entries(element.properties)) {
    if (value === undefined || value === null) continue;
    if (name === 'className' && (element.tagName === 'ul' || element.tagName === 'li')) {
      if (classesOf(element).every((entry) => TASK_CLASSES.has(entry))) continue;
      return false;
    }
    if (!allowed.includes(name)) return false;
  }
  if (element.tagName === 'pre') {
    // A fence holds text only: `<pre>` with one `<code>`, or text and line breaks.
    const inside = elementChildren(element);
    return (
      inside.every((child) => child.tagName === 'br') ||
      (inside.length === 1 && inside[0]!.tagName === 'code')
    );
  }
  return true;
}

/** Cells of a GFM table hold one line of inline Markdown. */
function isOneLineCell(cell: Element): boolean {
  const walk = (nodes: ElementContent[]): boolean =>
    nodes.every(
      (node) =>
        node.type !== 'element' ||
        (isPhrasing(node) && node.tagName !== 'br' && node.tagName !== 'input' && walk(node.children)),
    );
  return walk(cell.children);
}

/**
 * A GFM table: one header row of `<th>` (in `<thead>`, or first), then rows of `<td>`, no spans,
 * no attributes, the same number of cells in every row, each cell one line of inline content.
 */
export function isGfmTable(table: Element): boolean {
  if (Object.keys(table.properties).length > 0) return false;
  const rows: Element[] = [];
  for (const section of elementChildren(table)) {
    if (section.tagName === 'tr') rows.push(section);
    else if (['thead', 'tbody'].includes(section.tagName) && Object.keys(section.properties).length === 0)
      rows.push(...elementChildren(section).filter((row) => row.tagName === 'tr'));
    else return false;
    if (elementChildren(section).some((row) => section.tagName !== 'tr' && row.tagName !== 'tr'))
      return false;
  }
  if (rows.length === 0) return false;
  const width = elementChildren(rows[0]!).length;
  return rows.every((row, index) => {
    const cells = elementChildren(row);
    const tag = index === 0 ? 'th' : 'td';
    return (
      Object.keys(row.properties).length === 0 &&
      cells.length === width &&
      cells.every(
        (cell) => cell.tagName === tag && Object.keys(cell.properties).length === 0 && isOneLineCell(cell),
      )
    );
  });
}
