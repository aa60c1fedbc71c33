import { Parser } from 'htmlparser2';
import type { NewLink } from '../../../../shared/model/bookmark';
import { plainLine } from '../html/read-metadata';

/** Browsers' top folders say where a bookmark sat, not what it is about: they do not become tags. */
const ROOT_FOLDERS = new Set([
  'bookmarks',
  'bookmarks bar',
  'bookmarks toolbar',
  'bookmarks menu',
  'other bookmarks',
  'mobile bookmarks',
  'favorites bar',
  'favorites',
  'unsorted bookmarks',
]);

function secondsToIso(value: string | undefined): string | undefined {
  if (!value || !/^\d{1,16}$/.test(value.trim())) return undefined;
  let seconds = Number(value);
  // Some exporters write microseconds (Chrome's internal form) or milliseconds.
  while (seconds > 1e11) seconds /= 1000;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) || seconds <= 0 ? undefined : date.toISOString();
}

function splitTags(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

function linkOf(
  anchor: { attrs: Record<string, string>; title: string },
  folders: (string | null)[],
): NewLink | null {
  const { attrs } = anchor;
  const href = attrs.href?.trim();
  if (!href || href.toLowerCase().startsWith('place:')) return null;
  const folderTags = folders.filter((folder): folder is string => folder !== null);
  const link: NewLink = {
    url: href,
    title: plainLine(anchor.title, 2000),
    tags: [...splitTags(attrs.tags), ...folderTags].slice(0, 200),
  };
  const addedAt = secondsToIso(attrs.add_date);
  if (addedAt) link.addedAt = addedAt;
  if (attrs.comment) link.comment = attrs.comment;
  // Pinboard marks unread links TOREAD; Postwright's export marks archived ones ARCHIVED.
  if (attrs.archived === '1') link.archived = true;
  return link;
}

/**
 * Netscape bookmark files (browsers, Delicious, Pinboard): `<DT><A HREF ADD_DATE TAGS>` with an
 * optional `<DD>` description; `<H3>` folders nest with `<DL>` and become tags. Postwright's own
 * export adds a COMMENT attribute, read back here.
 */
export function parseNetscape(html: string): NewLink[] {
  const links: NewLink[] = [];
  const folders: (string | null)[] = [];
  let pendingFolder: string | null = null;
  let inFolderName = false;
  let folderName = '';
  let anchor: { attrs: Record<string, string>; title: string } | null = null;
  let description: { link: NewLink; text: string } | null = null;

  const finishDescription = () => {
    if (description) description.link.description = plainLine(description.text, 20_000);
    description = null;
  };

  new Parser({
    ontext(text) {
      if (anchor) anchor.title += text;
      else if (inFolderName) folderName += text;
      else if (description) description.text += text;
    },
    onopentag(name, attrs) {
      if (name === 'dt' || name === 'dl') finishDescription();
      if (name === 'a') anchor = { attrs, title: '' };
      else if (name === 'h3') {
        inFolderName = true;
        folderName = '';
      } else if (name === 'dl') {
        folders.push(pendingFolder);
        pendingFolder = null;
      } else if (name === 'dd' && links.length > 0 && !description) {
        description = { link: links[links.length - 1]!, text: '' };
      }
    },
    // Implied closes count as written ones: an `<A>` left open ends at the next `<A>` or with its list.
    onclosetag(name) {
      if (name === 'dl') {
        finishDescription();
        folders.pop();
      } else if (name === 'h3' && inFolderName) {
        inFolderName = false;
        const clean = plainLine(folderName, 200);
        pendingFolder = clean && !ROOT_FOLDERS.has(clean.toLowerCase()) ? clean : null;
      } else if (name === 'a' && anchor) {
        const link = linkOf(anchor, folders);
        if (link) links.push(link);
        anchor = null;
      }
    },
  }).end(html);
  finishDescription();
  return links;
}
