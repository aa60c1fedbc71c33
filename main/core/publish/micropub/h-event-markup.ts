import { DomUtils, ElementType, parseDocument } from 'htmlparser2';
import type { Mf2Object, Mf2Value } from './micropub-types';

/** An event as the calendar writes it into a post's HTML (h-event with p-name, dt-start, dt-end, p-location). */
export interface HEvent {
  name: string | null;
  start: string;
  end: string | null;
  /** Plain text, or a nested h-card when the markup has one. */
  location: string | Mf2Object | null;
}

/** htmlparser2's element, named without importing its DOM package, which is not ours to depend on. */
type Element = NonNullable<ReturnType<typeof DomUtils.findOne>>;

/** Finds the first h-event in the HTML; null when there is none or it has no start. */
export function readHEvent(html: string): HEvent | null {
  const root = withClass(parseDocument(html).children, 'h-event');
  if (!root) return null;
  const start = timeOf(root, 'dt-start');
  if (!start) return null;
  const place = withClass(root.children, 'p-location');
  let location: string | Mf2Object | null = null;
  if (place) location = classesOf(place).includes('h-card') ? hCard(place) : text(place) || null;
  return {
    name: textOf(root, 'p-name'),
    start,
    end: timeOf(root, 'dt-end'),
    location,
  };
}

function hCard(card: Element): Mf2Object {
  const properties: Record<string, Mf2Value[]> = {};
  for (const [property, className] of [
    ['name', 'p-name'],
    ['street-address', 'p-street-address'],
    ['locality', 'p-locality'],
    ['region', 'p-region'],
    ['postal-code', 'p-postal-code'],
    ['country-name', 'p-country-name'],
  ] as const) {
    const value = textOf(card, className);
    if (value) properties[property] = [value];
  }
  const href = withClass(card.children, 'u-url')?.attribs.href;
  if (href) properties.url = [href];
  if (!properties.name) properties.name = [text(card)];
  return { type: ['h-card'], properties };
}

function classesOf(element: Element): string[] {
  return (element.attribs.class ?? '').split(/\s+/).filter(Boolean);
}

/** The first element among `nodes` and their descendants, in document order, with the class. */
function withClass(nodes: Element['children'], className: string): Element | null {
  const hasClass = (value: string | undefined) => (value ?? '').split(/\s+/).includes(className);
  // The search keeps its own stack, so deeply nested markup cannot overflow the call stack.
  return DomUtils.getElementsByClassName(hasClass, nodes, true, 1)[0] ?? null;
}

function timeOf(within: Element, className: string): string | null {
  const found = withClass(within.children, className);
  if (!found) return null;
  return found.attribs.datetime ?? found.attribs.value ?? (text(found) || null);
}

function textOf(within: Element, className: string): string | null {
  const found = withClass(within.children, className);
  if (!found) return null;
  return found.attribs.title ?? (text(found) || null);
}

/** The element's text, each piece apart from the next as if its tags were spaces, on one line. */
function text(element: Element): string {
  return DomUtils.getElementsByTagType(ElementType.Text, element.children, true)
    .map((node) => DomUtils.textContent(node))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
