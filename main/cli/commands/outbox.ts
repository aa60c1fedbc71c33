import type { Command } from 'commander';
import type { CliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { describeJob } from './publish';

export function registerOutbox(program: Command, context: () => CliContext) {
  const outbox = program.command('outbox').description('publishes waiting to go out, and how they went');

  outbox
    .command('list')
    .description('list the outbox, newest first')
    .action(async () => {
      const ctx = context();
      const jobs = await ctx.call('outbox-list', {});
      ctx.print(jobs, () =>
        jobs.length
          ? jobs.map((job) => `${job.id.slice(0, 8)}  ${job.state.padEnd(7)}  ${describeJob(job)}`).join('\n')
          : 'The outbox is empty.',
      );
    });

  outbox
    .command('retry [id]')
    .description('send again now: one entry, or everything waiting or failed')
    .action(async (id: string | undefined) => {
      const ctx = context();
      const full =
        id && id.length < 36
          ? (await ctx.call('outbox-list', {})).find((job) => job.id.startsWith(id))?.id
          : id;
      if (id && !full)
        throw new CliError(`No outbox entry starts with "${id}". See "postwright outbox list".`);
      // The command was asked for when the process started: a job another process tried after that
      // (a second retry typed at the same moment) is left to it.
      const since = new Date(performance.timeOrigin).toISOString();
      const jobs = await ctx.call('outbox-retry', full ? { id: full, since } : { since });
      ctx.print(jobs, () => (jobs.length ? jobs.map(describeJob).join('\n') : 'Nothing was waiting.'));
      if (jobs.some((job) => job.state === 'failed'))
        throw new CliError('Some entries failed; see the reasons above.');
    });
}
