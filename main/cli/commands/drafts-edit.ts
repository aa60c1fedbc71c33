import type { Command } from 'commander';
import type { Draft } from '../../../shared/model/draft';
import type { CliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { MB, readTextFile } from '../read-named-file';

/** Bodies from files; the contract takes 50 million characters, and UTF-8 is at least a byte each. */
export const BODY_LIMIT = 40 * MB;

/**
 * The body `--html FILE` or `--md FILE` gives (Markdown converted to HTML), or undefined without
 * either; both at once is refused. Shared by `drafts new` and `drafts edit`. A first `# Title` equal
 * to the title given is the title again, and left out.
 */
export async function bodyFromOptions(options: {
  html?: string;
  md?: string;
  title?: string;
}): Promise<string | undefined> {
  if (options.html && options.md) throw new CliError('Give the body with --html or --md, not both.', 2);
  if (options.html) return readTextFile(options.html, { what: '--html', maxBytes: BODY_LIMIT });
  if (!options.md) return undefined;
  const { markdownBody, markdownToHtml } = await import('../../core/drafts/draft-convert');
  const markdown = await readTextFile(options.md, { what: '--md', maxBytes: BODY_LIMIT });
  // A file exported with `drafts export --format md` starts with its title: not kept twice.
  return options.title === undefined ? markdownToHtml(markdown) : markdownBody(markdown, options.title);
}

export const FEATURED_HELP =
  'the featured image: an image file (PNG, JPEG, GIF, WebP or AVIF), or the name of an image the draft shows';

/** `--featured` / `--no-featured` of `drafts edit`: the src to keep, or null to take it off. */
async function chosenFeatured(
  ctx: CliContext,
  draft: Pick<Draft, 'id' | 'html' | 'featuredImage'>,
  featured: string | false | undefined,
): Promise<string | null | undefined> {
  if (featured === undefined) return draft.featuredImage;
  if (featured === false) return null;
  const { featuredSource, readFeaturedFile } = await import('../featured-image');
  return featuredSource(ctx, draft, featured, await readFeaturedFile(featured));
}

/**
 * `postwright drafts edit ID --title … --html FILE | --md FILE`: changes a draft from a script. An
 * app that has the draft open sees the change: it reloads it, or asks when the author has unsaved edits.
 */
export function registerDraftsEdit(drafts: Command, context: () => CliContext) {
  drafts
    .command('edit <id>')
    .description("change a draft's title or replace its body with an HTML or Markdown file")
    .option('--title <title>', 'the new title')
    .option('--html <file>', 'the new body, from an HTML file')
    .option('--md <file>', 'the new body, from a Markdown file')
    .option('--featured <image>', FEATURED_HELP)
    .option('--no-featured', 'take the featured image off (the next update removes it from the post)')
    .action(
      async (
        id: string,
        options: { title?: string; html?: string; md?: string; featured?: string | false },
      ) => {
        if (options.title === undefined && !options.html && !options.md && options.featured === undefined)
          throw new CliError(
            'Nothing to change: give --title, --html, --md, --featured or --no-featured.',
            2,
          );
        const html = await bodyFromOptions(options);
        const ctx = context();
        const draft = await ctx.call('drafts-get', { id });
        const { sanitizeHtml } = await import('../../core/drafts/html-sanitize');
        const body = html === undefined ? draft.html : sanitizeHtml(html);
        const featuredImage = await chosenFeatured(ctx, { ...draft, html: body }, options.featured);
        const saved = await ctx.call('drafts-save', {
          draft: {
            id,
            title: options.title ?? draft.title,
            slug: draft.slug,
            excerpt: draft.excerpt,
            tags: draft.tags,
            categories: draft.categories,
            publishAt: draft.publishAt,
            blogId: draft.blogId,
            // A new body is HTML only; the editor builds its own state from it when it opens the draft.
            editorState: html === undefined ? draft.editorState : null,
            html: body,
            // Kept unless changed: a save without them would drop them.
            ...(draft.markdown === undefined ? {} : { markdown: draft.markdown }),
            ...(featuredImage === undefined ? {} : { featuredImage }),
          },
          baseUpdatedAt: draft.updatedAt,
        });
        ctx.print(saved, () => `Changed "${saved.title || '(untitled)'}" (${saved.id}).`);
      },
    );
}
