/** HTML's six heading levels, the tags every allowlist of a post's structure names alike. */
export const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

/** The headings as entries of a per-element allowlist: no attributes kept on any of them. */
export const HEADINGS_WITHOUT_ATTRIBUTES: Record<string, readonly string[]> = Object.fromEntries(
  HEADING_TAGS.map((tag) => [tag, []]),
);
