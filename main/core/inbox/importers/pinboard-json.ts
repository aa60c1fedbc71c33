import * as z from 'zod';
import type { NewLink } from '../../../../shared/model/bookmark';

const pinboardEntry = z.object({
  href: z.string(),
  description: z.string().optional(),
  extended: z.string().optional(),
  time: z.string().optional(),
  tags: z.string().optional(),
});

/** Pinboard's JSON export: `description` is the title, `extended` the quote, tags space-separated. */
export function parsePinboardJson(entries: unknown[]): { links: NewLink[]; skipped: number } {
  const links: NewLink[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const parsed = pinboardEntry.safeParse(entry);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    const { href, description, extended, time, tags } = parsed.data;
    const link: NewLink = {
      url: href,
      title: description ?? '',
      description: extended ?? '',
      tags: (tags ?? '').split(/\s+/).filter(Boolean).slice(0, 200),
    };
    if (time && !Number.isNaN(Date.parse(time))) link.addedAt = new Date(time).toISOString();
    links.push(link);
  }
  return { links, skipped };
}

const postwrightEntry = z.object({
  url: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  comment: z.string().optional(),
  addedAt: z.string().optional(),
  tags: z.array(z.string()).optional(),
  archived: z.boolean().optional(),
});

/** A JSON list of links as the inbox holds them (`url`, `title`, `description`, `comment`, `addedAt`, `tags`). */
export function parsePostwrightJson(entries: unknown[]): { links: NewLink[]; skipped: number } {
  const links: NewLink[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const parsed = postwrightEntry.safeParse(entry);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    const { addedAt, tags, ...rest } = parsed.data;
    const link: NewLink = { ...rest, tags: (tags ?? []).map((tag) => tag.trim()).filter(Boolean) };
    if (addedAt && !Number.isNaN(Date.parse(addedAt))) link.addedAt = new Date(addedAt).toISOString();
    links.push(link);
  }
  return { links, skipped };
}
