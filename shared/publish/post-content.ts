/** Pure pieces of the post model both protocols share: the "more" break, tags, slugs. */

const MORE = /<!--\s*more(?:\s[^>]*)?-->/i;

/** Splits the body at the first "more" break: the part before it and the rest ('' when there is none). */
export function splitMore(html: string): { intro: string; more: string } {
  const match = MORE.exec(html);
  if (!match) return { intro: html, more: '' };
  return {
    intro: html.slice(0, match.index).trimEnd(),
    more: html.slice(match.index + match[0].length).trimStart(),
  };
}

export function joinMore(intro: string, more: string): string {
  return more.trim() ? `${intro}\n<!--more-->\n${more}` : intro;
}

/** A URL slug the way blogs make them: lower case ASCII words joined by hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&[a-z]+;|&#\d+;/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** Tags as MetaWeblog's mt_keywords carries them: comma separated. */
export function joinTags(tags: string[]): string {
  return tags
    .map((tag) => tag.replace(/,/g, ' ').trim())
    .filter(Boolean)
    .join(', ');
}

export function splitTags(keywords: string): string[] {
  return keywords
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}
