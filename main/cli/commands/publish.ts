import { InvalidArgumentError, type Command } from 'commander';
import type { OutboxJob } from '../../../shared/model/publish';
import { waitingReason } from '../../../shared/publish/next-try';
import type { CliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { collectOption, parseFormat, parseKind } from './micropub';

export interface PublishOptions {
  as?: 'article' | 'note' | 'bookmark' | 'event';
  format?: 'json' | 'form' | 'multipart';
  syndicateTo?: string[];
  blog?: string;
  status?: 'draft' | 'publish';
  date?: string;
}

function parseStatus(value: string): 'draft' | 'publish' {
  if (value !== 'draft' && value !== 'publish') throw new InvalidArgumentError('it is "draft" or "publish".');
  return value;
}

function parseDate(value: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) throw new InvalidArgumentError('give an ISO date such as 2026-12-01T09:30:00Z.');
  return new Date(time).toISOString();
}

/** One line that says where the job stands; shared by `publish` and `outbox`. */
export function describeJob(job: OutboxJob): string {
  const what = job.action === 'delete' ? `Delete "${job.title}"` : `"${job.title || 'Untitled'}"`;
  if (job.state === 'done') {
    if (job.action === 'delete') return `${what} from ${job.blogName}: done.`;
    const status = job.result?.remoteStatus;
    const where = job.result?.url ?? `post ${job.result?.postId}`;
    if (job.result?.movedFrom) return `${what} is updated on ${job.blogName}; the post now lives at ${where}`;
    if (status === 'future') return `${what} is scheduled on ${job.blogName}: ${where}`;
    if (status === 'draft') return `${what} is saved as a draft on ${job.blogName}: ${where}`;
    return `${what} is published on ${job.blogName}: ${where}`;
  }
  if (job.state === 'queued')
    return `${what} is queued for ${job.blogName}: ${waitingReason(job.reason, job.nextAttemptAt) ?? 'waiting its turn.'}`;
  if (job.state === 'sending') return `${what} is being sent to ${job.blogName}.`;
  return `${what} failed: ${job.reason}`;
}

export function registerPublish(program: Command, context: () => CliContext) {
  program
    .command('publish <draftId>')
    .description('publish a draft to its blog (publishing it again updates the post)')
    .option('--blog <id>', "the blog (default: the draft's, else your only one)")
    .option('--status <status>', 'draft or publish (default publish)', parseStatus)
    .option('--date <iso>', "the post's date; a future date schedules it", parseDate)
    .option(
      '--as <type>',
      'Micropub: article, note, bookmark or event (default: article when titled, else note)',
      parseKind,
    )
    .option('--format <encoding>', 'Micropub: json, form or multipart', parseFormat)
    .option('--syndicate-to <uid>', 'Micropub: also post to this target (repeat for several)', collectOption)
    .action(async (draftId: string, options: PublishOptions) => {
      const ctx = context();
      const micropub = {
        ...(options.as ? { kind: options.as } : {}),
        ...(options.format ? { format: options.format } : {}),
        ...(options.syndicateTo?.length ? { syndicateTo: options.syndicateTo } : {}),
      };
      // Said before anything is sent: what the blog cannot be sent (with --json, the job's result says it).
      if (!ctx.options.json) {
        const { warnings } = await ctx.call('micropub-publish-check', {
          draftId,
          ...(options.blog ? { blogId: options.blog } : {}),
          ...(Object.keys(micropub).length ? { micropub } : {}),
        });
        for (const warning of warnings) process.stderr.write(`Note: ${warning}\n`);
      }
      const job = await ctx.call('publish', {
        draftId,
        ...(options.blog ? { blogId: options.blog } : {}),
        ...(options.status ? { status: options.status } : {}),
        ...(options.date ? { date: options.date } : {}),
        ...(Object.keys(micropub).length ? { micropub } : {}),
      });
      ctx.print(job, () => describeJob(job));
      if (job.state === 'failed') throw new CliError(job.reason ?? 'Publishing failed.');
    });
}
