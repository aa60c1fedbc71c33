import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { registerDigestSchedule } from './digest-schedule';
import { parseDay } from './inbox';

export function registerDigest(program: Command, context: () => CliContext) {
  const digest = program.command('digest').description('link digests made from the inbox');

  digest
    .command('build')
    .description('make a draft of the links added in a date range ("Bookmarks for … through …")')
    .requiredOption('--from <date>', 'the first day (YYYY-MM-DD)', parseDay)
    .requiredOption('--to <date>', 'the last day (YYYY-MM-DD)', parseDay)
    .option('--template <name>', 'a digest template by name (default: the first in Settings)')
    .action(async (options: { from: string; to: string; template?: string }) => {
      const ctx = context();
      const { draft, used } = await ctx.call('digest-create', options);
      ctx.print(
        { ...draft, used },
        () => `Draft ${draft.id}: ${draft.title} (${used} links)\n\n${draft.html}`,
      );
    });

  registerDigestSchedule(digest, context);
}
