import { basename } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { displayTitle } from '../../../shared/inbox/filter';
import type { Bookmark } from '../../../shared/model/bookmark';
import { writeFileAtomic } from '../../core/fs/atomic-write';
import type { CliContext } from '../cli-context';
import { MB, readTextFile } from '../read-named-file';
import { CliError } from '../cli-error';

/** A YYYY-MM-DD day that exists on the calendar. */
export function parseDay(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
  if (!match || !date || date.getDate() !== Number(match[3]) || date.getMonth() !== Number(match[2]) - 1) {
    throw new InvalidArgumentError('give the date as YYYY-MM-DD, for example 2009-11-05.');
  }
  return value;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function line(bookmark: Bookmark): string {
  const state =
    bookmark.fetch.state === 'failed'
      ? `  (fetch failed: ${bookmark.fetch.message ?? 'unknown reason'})`
      : '';
  const tags = bookmark.tags.length ? `  [${bookmark.tags.join(', ')}]` : '';
  return `${bookmark.addedAt.slice(0, 16).replace('T', ' ')}  ${displayTitle(bookmark)}\n    ${bookmark.url}${tags}${state}`;
}

export function registerInbox(program: Command, context: () => CliContext) {
  const inbox = program.command('inbox').description('the bookmark inbox: links for link digests');

  inbox
    .command('add <url>')
    .description('add a link (its title and description are fetched unless you give them)')
    .option('--title <text>', 'the title to use')
    .option('--quote <text>', 'the description: a quote from the page')
    .option('--comment <text>', 'your comment')
    .option('--tag <tag>', 'a tag (repeat for more)', collect, [])
    .action(
      async (url: string, options: { title?: string; quote?: string; comment?: string; tag: string[] }) => {
        const ctx = context();
        const result = await ctx.call('inbox-add', {
          links: [
            {
              url,
              ...(options.title !== undefined ? { title: options.title } : {}),
              ...(options.quote !== undefined ? { description: options.quote } : {}),
              ...(options.comment !== undefined ? { comment: options.comment } : {}),
              tags: options.tag,
            },
          ],
          awaitMetadata: true,
        });
        if (result.rejected.length) throw new CliError(`${url}: ${result.rejected[0]!.reason}`);
        const bookmark = result.bookmarks[0]!;
        ctx.print(
          bookmark,
          () => `${result.merged ? 'Already in the inbox, merged' : 'Added'}: ${line(bookmark)}`,
        );
      },
    );

  inbox
    .command('list')
    .description('list the links, newest first')
    .option('--from <date>', 'added on or after this day (YYYY-MM-DD)', parseDay)
    .option('--to <date>', 'added on or before this day (YYYY-MM-DD)', parseDay)
    .option('--tag <tag>', 'only links with this tag')
    .action(async (options: { from?: string; to?: string; tag?: string }) => {
      const ctx = context();
      const links = await ctx.call('inbox-list', options);
      ctx.print(links, () => (links.length ? links.map(line).join('\n') : 'No links match.'));
    });

  inbox
    .command('import <file>')
    .description(
      'import a bookmark file: Netscape HTML (browsers, Delicious, Pinboard), Pinboard JSON, Pocket HTML or CSV (at most 64 MB)',
    )
    .action(async (file: string) => {
      const ctx = context();
      const content = await readTextFile(file, { what: 'a bookmark file', maxBytes: 64 * MB });
      const result = await ctx.call('inbox-import', { filename: basename(file), content });
      ctx.print(result, () =>
        [
          `Imported ${file} (${result.format}): ${result.added} added, ${result.merged} already there and merged.`,
          ...result.skipped.map((entry) => `  skipped ${entry.url ? `${entry.url}: ` : ''}${entry.reason}`),
        ].join('\n'),
      );
    });

  inbox
    .command('export <file>')
    .description('write every link (archived ones too) as a Netscape bookmark file')
    .action(async (file: string) => {
      const ctx = context();
      const result = await ctx.call('inbox-export', {});
      await writeFileAtomic(file, result.content);
      ctx.print({ file, count: result.count }, () => `Wrote ${result.count} links to ${file}.`);
    });
}
