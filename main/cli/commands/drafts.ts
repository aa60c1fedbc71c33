import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { ArgsOf } from '../../../shared/contract';
import { CoreFailure } from '../../../shared/contract/errors';
import { SEARCH_SCOPES, type SearchHit, type SearchScope } from '../../../shared/model/archive';
import type { Draft } from '../../../shared/model/draft';
import type { CliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { draftListText, draftRow, draftRows } from '../draft-rows';
import { readTextFile } from '../read-named-file';
import { BODY_LIMIT, bodyFromOptions, FEATURED_HELP, registerDraftsEdit } from './drafts-edit';

/** `--date 2026-11-25`: midnight of that day in the local time zone, as ISO 8601 with its offset. */
export function parseDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  if (!match || !date || date.getDate() !== Number(match[3]) || date.getMonth() !== Number(match[2]) - 1) {
    throw new InvalidArgumentError('give the date as YYYY-MM-DD, for example 2026-11-25.');
  }
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${match[1]}-${match[2]}-${match[3]}T00:00:00${sign}${hours}:${minutes}`;
}

function parseFormat(value: string): 'html' | 'md' {
  if (value !== 'html' && value !== 'md') throw new InvalidArgumentError('the format is html or md.');
  return value;
}

/** A not-found from the core, told the way a command-line user can act on. */
async function withHints<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CoreFailure && error.code === 'not-found') {
      const id = (error.detail as { id?: string } | undefined)?.id;
      throw new CoreFailure(
        'not-found',
        id
          ? `No draft with id ${id}. Run \`postwright drafts list\` to see them.`
          : `${error.message} Run \`postwright drafts list\` to see your drafts.`,
      );
    }
    throw error;
  }
}

function parseScope(value: string): SearchScope {
  if (!(SEARCH_SCOPES as readonly string[]).includes(value))
    throw new InvalidArgumentError('search in drafts, published or both.');
  return value as SearchScope;
}

/** A draft as in `drafts list`; a pulled post with its blog and address instead of an id to edit. */
function hitRows(hits: SearchHit[], empty: string): string {
  if (hits.length === 0) return empty;
  return hits
    .map((hit) =>
      hit.kind === 'draft'
        ? draftRow(hit)
        : [
            `${hit.blogId}`,
            'archived ',
            hit.updatedAt.slice(0, 16).replace('T', ' '),
            `${hit.title || '(untitled)'}${hit.url ? `  ${hit.url}` : ''}`,
          ].join('  '),
    )
    .join('\n');
}

function details(draft: Draft): string {
  return [
    `${draft.title || '(untitled)'}`,
    `id:        ${draft.id}`,
    `status:    ${draft.trashedAt ? `in the trash since ${draft.trashedAt}` : draft.status}${draft.statusMessage ? ` (${draft.statusMessage})` : ''}`,
    `updated:   ${draft.updatedAt}`,
    `post date: ${draft.publishAt ?? 'when published'}`,
    `words:     ${draft.wordCount}`,
    ...(draft.tags.length ? [`tags:      ${draft.tags.join(', ')}`] : []),
    ...(draft.categories.length ? [`categories: ${draft.categories.join(', ')}`] : []),
    ...(draft.remote?.url ? [`on the blog: ${draft.remote.url}`] : []),
    '',
    draft.html,
  ].join('\n');
}

interface DraftsNewOptions {
  title?: string;
  template?: string;
  html?: string;
  md?: string;
  date?: string;
  tag?: string[];
  category?: string[];
  slug?: string;
  excerpt?: string;
  featured?: string;
}

/**
 * The draft `--template` starts from, its dates counted from `--date` (else today); an unknown
 * name is a usage error (exit 2) that lists the names there are.
 */
async function fromTemplate(
  ctx: CliContext,
  name: string,
  date: string | undefined,
  fields: ArgsOf<'drafts-create'>,
): Promise<Draft> {
  try {
    return await ctx.call('post-templates-new-draft', {
      name,
      fields,
      ...(date ? { day: date.slice(0, 10) } : {}),
    });
  } catch (error) {
    if (error instanceof CoreFailure && error.code === 'not-found') throw new CliError(error.message, 2);
    throw error;
  }
}

/** `drafts new`: a draft from flags or a post template, its body from an HTML or Markdown file, images and all. */
function registerDraftsNew(drafts: Command, context: () => CliContext) {
  drafts
    .command('new')
    .description('create a draft, empty, from a post template, or from an HTML or Markdown file')
    .option('--title <title>', 'the title (at most 1,000 characters); else the --template gives it')
    .option(
      '--template <name>',
      'start from the post template of that name; its dates count from --date, else today',
    )
    .option('--html <file>', 'the body, from an HTML file (text, at most 40 MB)')
    .option('--md <file>', 'the body, from a Markdown file (text, at most 40 MB)')
    .option('--date <YYYY-MM-DD>', 'the post date', parseDate)
    .option(
      '--tag <name>',
      'a tag (repeat for several; at most 500 of 200 characters each)',
      (value: string, all: string[] = []) => [...all, value],
    )
    .option('--category <name>', 'a category (repeat for several)', (value: string, all: string[] = []) => [
      ...all,
      value,
    ])
    .option('--slug <slug>', "the post's address on the blog (at most 200 characters)")
    .option('--excerpt <text>', 'a summary (at most 10,000 characters)')
    .option('--featured <image>', FEATURED_HELP)
    .action(async (options: DraftsNewOptions) => {
      if (options.title === undefined && options.template === undefined)
        throw new CliError('Give the draft a --title, or start it from a --template.', 2);
      const html = await bodyFromOptions(options);
      // A file --featured names is checked before the draft is made; a name waits for the images.
      const featured = options.featured ? await import('../featured-image') : null;
      const featuredFile = options.featured ? await featured!.readFeaturedFile(options.featured) : null;
      if (options.featured && !featuredFile && !options.html) throw featured!.noSuchImage(options.featured);
      const ctx = context();
      const fields = {
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(html !== undefined ? { html } : {}),
        ...(options.date ? { publishAt: options.date } : {}),
        ...(options.tag ? { tags: options.tag } : {}),
        ...(options.category ? { categories: options.category } : {}),
        ...(options.slug ? { slug: options.slug } : {}),
        ...(options.excerpt ? { excerpt: options.excerpt } : {}),
      };
      const draft = options.template
        ? await fromTemplate(ctx, options.template, options.date, fields)
        : await ctx.call('drafts-create', fields);
      // Images beside an HTML file become the draft's own, as if dropped into the editor.
      // Loaded only for --html: it parses HTML, which `drafts list` never needs.
      const withImages = options.html
        ? await (await import('../draft-local-images')).importLocalImages(ctx, draft, options.html)
        : draft;
      const made =
        featured && options.featured
          ? await featured
              .withFeaturedImage(ctx, withImages, options.featured, featuredFile)
              .catch(async (error: unknown) => {
                // No half-made draft left in the list: it goes to the trash, where it can be restored.
                await ctx.call('drafts-delete', { id: withImages.id });
                throw error;
              })
          : withImages;
      ctx.print(made, () => `Created draft ${made.id}: ${made.title}`);
    });
}

export function registerDrafts(program: Command, context: () => CliContext) {
  const drafts = program.command('drafts').description('write, list, search and export drafts');

  registerDraftsNew(drafts, context);

  drafts
    .command('list')
    .description('list drafts, newest edit first')
    .option('--trash', 'list the trash instead')
    .action(async (options: { trash?: boolean }) => {
      const ctx = context();
      const trash = options.trash ?? false;
      // The index as it stands when it agrees with the folders, without starting the core.
      const { draftsFromIndex } = await import('../drafts-from-index');
      const list = draftsFromIndex(ctx.dataDir, trash) ?? (await ctx.call('drafts-list', { trash }));
      ctx.print(list, () => draftListText(list, trash));
    });

  drafts
    .command('show <id>')
    .description('print a draft: its fields and its HTML')
    .action(async (id: string) => {
      const ctx = context();
      const draft = await withHints(() => ctx.call('drafts-get', { id }));
      ctx.print(draft, () => details(draft));
    });

  registerDraftsSearch(drafts, context);

  drafts
    .command('export <id>')
    .description('print a draft as a standalone HTML document or as Markdown')
    .requiredOption('--format <format>', 'html or md', parseFormat)
    .action(async (id: string, options: { format: 'html' | 'md' }) => {
      const ctx = context();
      const file = await withHints(() => ctx.call('drafts-export', { id, format: options.format }));
      if (ctx.options.json) ctx.print(file, () => file.content);
      else process.stdout.write(file.content);
    });

  drafts
    .command('import <file>')
    .description('create a draft from an .html or .md file (title from the file; text, at most 40 MB)')
    .action(async (file: string) => {
      const ctx = context();
      const draft = await ctx.call('drafts-import', {
        filename: basename(file),
        content: await readTextFile(file, { what: 'an .html or .md file', maxBytes: BODY_LIMIT }),
      });
      ctx.print(draft, () => `Created draft ${draft.id}: ${draft.title}`);
    });

  registerDraftsEdit(drafts, context);

  drafts
    .command('delete <id>')
    .description('move a draft to the trash')
    .action(async (id: string) => {
      const ctx = context();
      const draft = await withHints(() => ctx.call('drafts-delete', { id }));
      ctx.print(
        draft,
        () =>
          `Moved "${draft.title || '(untitled)'}" to the trash. Bring it back with \`postwright drafts restore ${draft.id}\`.`,
      );
    });

  drafts
    .command('restore <id>')
    .description('bring a draft back from the trash')
    .action(async (id: string) => {
      const ctx = context();
      const draft = await withHints(() => ctx.call('drafts-restore', { id }));
      ctx.print(draft, () => `Restored "${draft.title || '(untitled)'}" (${draft.id}).`);
    });
}

/** `drafts search`: the drafts' own index, or with --in the posts pulled from the blogs too. */
function registerDraftsSearch(drafts: Command, context: () => CliContext) {
  drafts
    .command('search <query>')
    .description(
      'find drafts (and with --in, posts pulled from your blogs) whose title and body contain every word',
    )
    .option(
      '--in <where>',
      'drafts, published (the blogs pulled with "blogs pull") or both',
      parseScope,
      'drafts',
    )
    .action(async (query: string, options: { in: SearchScope }) => {
      const ctx = context();
      if (options.in === 'drafts') {
        const list = await ctx.call('drafts-list', { query });
        ctx.print(list, () => draftRows(list, `No draft contains "${query}".`));
        return;
      }
      const found = await ctx.call('archive-search', { query, in: options.in, limit: 500 });
      ctx.print(found.items, () =>
        hitRows(
          found.items,
          `Nothing ${options.in === 'both' ? 'in your drafts or pulled posts' : 'pulled from your blogs'} contains "${query}".`,
        ),
      );
    });
}
