/** Groups of HTML tags that every allowlist of a post's structure names alike. */

/** HTML's six heading levels. */
export const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** A plain table's parts, as the editor makes and a post carries them (no caption or footer). */
export const TABLE_TAGS = ['table', 'thead', 'tbody', 'tr', 'th', 'td'] as const;

/** The headings as entries of a per-element allowlist: no attributes kept on any of them. */
export const HEADINGS_WITHOUT_ATTRIBUTES: Record<string, readonly string[]> = Object.fromEntries(
  HEADING_TAGS.map((tag) => [tag, []]),
);
