import { Parser } from 'htmlparser2';
import type { NewLink } from '../../../../shared/model/bookmark';
import { plainLine } from '../html/read-metadata';

function epochToIso(value: string | undefined): string | undefined {
  if (!value || !/^\d{1,12}$/.test(value.trim())) return undefined;
  const date = new Date(Number(value) * 1000);
  return Number(value) > 0 && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

function linkOf(anchor: { attrs: Record<string, string>; title: string }, archived: boolean): NewLink | null {
  const href = anchor.attrs.href?.trim();
  if (!href) return null;
  const link: NewLink = {
    url: href,
    title: plainLine(anchor.title, 2000),
    tags: (anchor.attrs.tags ?? '')
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    archived,
  };
  const addedAt = epochToIso(anchor.attrs.time_added);
  if (addedAt) link.addedAt = addedAt;
  return link;
}

/**
 * Pocket's HTML export: `<h1>Unread</h1>` and `<h1>Read Archive</h1>`, each a list of
 * `<a href time_added tags>title</a>`; the read ones arrive archived.
 */
export function parsePocketHtml(html: string): NewLink[] {
  const links: NewLink[] = [];
  let heading: string | null = null;
  let archived = false;
  let anchor: { attrs: Record<string, string>; title: string } | null = null;
  new Parser({
    ontext(text) {
      if (anchor) anchor.title += text;
      else if (heading !== null) heading += text;
    },
    onopentag(name, attrs) {
      if (name === 'h1') heading = '';
      else if (name === 'a') anchor = { attrs, title: '' };
    },
    onclosetag(name) {
      if (name === 'h1' && heading !== null) {
        archived = /archive|read/i.test(heading) && !/unread/i.test(heading);
        heading = null;
      } else if (name === 'a' && anchor) {
        const link = linkOf(anchor, archived);
        if (link) links.push(link);
        anchor = null;
      }
    },
  }).end(html);
  return links;
}

/** RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}

/** Pocket's CSV export: `title,url,time_added,tags,status`, tags separated by `|`, status unread or archive. */
export function parsePocketCsv(text: string): NewLink[] {
  const [header, ...rows] = parseCsv(text.replace(/^\ufeff/, ''));
  const column = (name: string) => header?.findIndex((cell) => cell.trim().toLowerCase() === name) ?? -1;
  const title = column('title');
  const url = column('url');
  const time = column('time_added');
  const tags = column('tags');
  const status = column('status');
  const links: NewLink[] = [];
  for (const cells of rows) {
    const href = cells[url]?.trim();
    if (!href) continue;
    const link: NewLink = {
      url: href,
      title: title >= 0 ? plainLine(cells[title] ?? '', 2000) : '',
      tags:
        tags >= 0
          ? (cells[tags] ?? '')
              .split('|')
              .map((tag) => tag.trim())
              .filter(Boolean)
          : [],
      archived: status >= 0 && (cells[status] ?? '').trim().toLowerCase() === 'archive',
    };
    // Pocket writes the URL as the title when a page had none.
    if (link.title === href) link.title = '';
    const addedAt = time >= 0 ? epochToIso(cells[time]) : undefined;
    if (addedAt) link.addedAt = addedAt;
    links.push(link);
  }
  return links;
}
