import { decodeCharacterReferences } from '../../../../shared/html/start-tags';
import type { Mf2Object, Mf2Value } from './micropub-types';

/** An event as the calendar writes it into a post's HTML (h-event with p-name, dt-start, dt-end, p-location). */
export interface HEvent {
  name: string | null;
  start: string;
  end: string | null;
  /** Plain text, or a nested h-card when the markup has one. */
  location: string | Mf2Object | null;
}

const TAG = /<([a-z][a-z0-9]*)\b([^>]*)>/gi;

/** Finds the first h-event in the HTML; null when there is none or it has no start. */
export function readHEvent(html: string): HEvent | null {
  const root = element(html, 0, (classes) => classes.includes('h-event'));
  if (!root) return null;
  const inner = root.inner;
  const start = timeOf(inner, 'dt-start');
  if (!start) return null;
  const locationElement = element(inner, 0, (classes) => classes.includes('p-location'));
  let location: string | Mf2Object | null = null;
  if (locationElement) {
    location = locationElement.classes.includes('h-card')
      ? hCard(locationElement.inner)
      : text(locationElement.inner) || null;
  }
  return {
    name: textOf(inner, 'p-name'),
    start,
    end: timeOf(inner, 'dt-end'),
    location,
  };
}

function hCard(inner: string): Mf2Object {
  const properties: Record<string, Mf2Value[]> = {};
  for (const [property, className] of [
    ['name', 'p-name'],
    ['street-address', 'p-street-address'],
    ['locality', 'p-locality'],
    ['region', 'p-region'],
    ['postal-code', 'p-postal-code'],
    ['country-name', 'p-country-name'],
  ] as const) {
    const value = textOf(inner, className);
    if (value) properties[property] = [value];
  }
  const url = element(inner, 0, (classes) => classes.includes('u-url'));
  const href = url ? attr(url.attributes, 'href') : null;
  if (href) properties.url = [href];
  if (!properties.name) properties.name = [text(inner)];
  return { type: ['h-card'], properties };
}

interface Element {
  tag: string;
  classes: string[];
  attributes: string;
  inner: string;
}

/** The first element whose classes match, with its inner HTML (nested same-name tags balanced). */
function element(html: string, from: number, match: (classes: string[]) => boolean): Element | null {
  TAG.lastIndex = from;
  for (let found = TAG.exec(html); found; found = TAG.exec(html)) {
    const classes = (attr(found[2]!, 'class') ?? '').split(/\s+/).filter(Boolean);
    if (!match(classes)) continue;
    const tag = found[1]!.toLowerCase();
    const contentStart = found.index + found[0].length;
    if (found[0].endsWith('/>') || ['img', 'input', 'br', 'meta'].includes(tag)) {
      return { tag, classes, attributes: found[2]!, inner: '' };
    }
    const balance = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
    balance.lastIndex = contentStart;
    let depth = 1;
    for (let next = balance.exec(html); next; next = balance.exec(html)) {
      depth += next[1] ? -1 : 1;
      if (depth === 0)
        return { tag, classes, attributes: found[2]!, inner: html.slice(contentStart, next.index) };
    }
    return { tag, classes, attributes: found[2]!, inner: html.slice(contentStart) };
  }
  return null;
}

function timeOf(html: string, className: string): string | null {
  const found = element(html, 0, (classes) => classes.includes(className));
  if (!found) return null;
  return attr(found.attributes, 'datetime') ?? attr(found.attributes, 'value') ?? (text(found.inner) || null);
}

function textOf(html: string, className: string): string | null {
  const found = element(html, 0, (classes) => classes.includes(className));
  if (!found) return null;
  return attr(found.attributes, 'title') ?? (text(found.inner) || null);
}

function attr(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(
    attributes,
  );
  return match ? decodeCharacterReferences(match[1] ?? match[2] ?? match[3] ?? '') : null;
}

function text(html: string): string {
  return decodeCharacterReferences(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}
