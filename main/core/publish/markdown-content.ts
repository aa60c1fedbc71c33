/*
 * A draft kept in Markdown goes to a Micropub server as Markdown when the server says it takes it,
 * as HTML otherwise (and always as HTML over MetaWeblog). Micropub has no standard word for this;
 * Postwright reads a `q=config` answer that lists `text/markdown` in `content-types`
 * (docs/micropub.md).
 */

/** Whether a `q=config` answer says the server takes Markdown as `content`. */
export function acceptsMarkdown(config: Record<string, unknown>): boolean {
  const types = config['content-types'];
  return Array.isArray(types) && types.some((type) => type === 'text/markdown');
}

/** Whether this post's body goes as Markdown: the draft is kept in it and the server takes it. */
export function sendsMarkdown(draft: { markdown?: boolean }, config: { markdown?: boolean }): boolean {
  return draft.markdown === true && config.markdown === true;
}

/**
 * The body as the Markdown the source view shows (image addresses already the blog's). The
 * converter (unified's HTML and Markdown trees, 600 KB) loads only for a post that goes as
 * Markdown, not with every publish.
 */
export async function markdownContent(html: string): Promise<string> {
  const { htmlToMarkdown } = await import('../../../shared/markdown/html-to-markdown');
  return htmlToMarkdown(html);
}
