import { InvalidArgumentError, type Command } from 'commander';
import { WEEKDAY_NAMES } from '../../../shared/digest/weekdays';
import type { CadenceState, DigestNotice, ScheduleStatus } from '../../../shared/model/digest-schedule';
import type { CliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { parseDay } from './inbox';

function parseWeekday(value: string): number {
  const at = WEEKDAY_NAMES.findIndex((name) => name.toLowerCase().startsWith(value.trim().toLowerCase()));
  if (value.trim().length < 2 || at < 0)
    throw new InvalidArgumentError('name a day of the week, for example sunday or fri.');
  return at;
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw new InvalidArgumentError('give a whole number from 1 to 1000.');
  return count;
}

function parseCatchUp(value: string): 'each' | 'combined' {
  if (value === 'each' || value === 'combined') return value;
  throw new InvalidArgumentError(
    'choose each (one digest per missed period) or combined (one for them all).',
  );
}

const splitTags = (value: string) =>
  value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

interface ScheduleOptions {
  weekly?: number;
  fortnightly?: number;
  monthly?: boolean;
  title?: string;
  template?: string;
  min?: number;
  max?: number;
  tags?: string;
  remind?: boolean;
  draft?: boolean;
  catchUp?: 'each' | 'combined';
  starts?: string;
  off?: boolean;
}

async function blogNames(ctx: CliContext): Promise<Map<string, string>> {
  return new Map((await ctx.call('blogs-list', {})).map((blog) => [blog.id, blog.name || blog.id]));
}

/** The period and date wording, with date-fns: loaded by the commands that print a schedule only. */
async function scheduleWords() {
  const [{ describePeriod }, { format }] = await Promise.all([
    import('../../../shared/digest/cadence'),
    import('date-fns'),
  ]);
  return { describePeriod, format };
}

type ScheduleWords = Awaited<ReturnType<typeof scheduleWords>>;

function describeStatus(
  status: ScheduleStatus,
  names: Map<string, string>,
  { describePeriod, format }: ScheduleWords,
): string {
  const { schedule, next, waiting } = status;
  const tags = schedule.tags.length ? `tags ${schedule.tags.join(', ')}` : 'every tag';
  return [
    `${names.get(schedule.blogId) ?? schedule.blogId} (${schedule.blogId}): ${describePeriod(schedule)}`,
    `  "${schedule.title}", ${schedule.minLinks} to ${schedule.maxLinks} links, ${tags}; ` +
      `${schedule.action === 'draft' ? 'drafted on its own' : 'a reminder only'}; ` +
      `missed periods: ${schedule.catchUp === 'each' ? 'one digest each' : 'one digest for them all'}`,
    `  open period: ${next.from} to ${next.to}, closes ${format(new Date(next.closesAt), 'EEEE d MMMM yyyy, HH:mm')}`,
    ...(waiting.length
      ? [`  closed and waiting: ${waiting.map((range) => `${range.from} to ${range.to}`).join('; ')}`]
      : []),
  ].join('\n');
}

function describeNotice(notice: DigestNotice, names: Map<string, string>): string {
  const blog = names.get(notice.blogId) ?? notice.blogId;
  const left = notice.leftOut ? `, ${notice.leftOut} more left out (the maximum)` : '';
  return notice.kind === 'drafted'
    ? `Drafted for ${blog}: "${notice.title}" (${notice.count} links${left}), draft ${notice.draftId}`
    : `Due for ${blog}: "${notice.title}", ${notice.count} links waiting${left}: ` +
        `"postwright digest draft --blog ${notice.blogId} --period ${notice.from}" drafts it`;
}

function describeState(state: CadenceState, names: Map<string, string>, words: ScheduleWords): string {
  if (state.schedules.length === 0)
    return 'No blog has a digest schedule: set one with "digest schedule BLOG_ID --weekly sunday".';
  return [
    ...state.schedules.map((status) => describeStatus(status, names, words)),
    ...state.notices.map((notice) => describeNotice(notice, names)),
  ].join('\n');
}

/** The blog a command is about: the one named, else the only one with a schedule. */
function scheduledBlog(state: CadenceState, blog: string | undefined): string {
  if (blog) return blog;
  if (state.schedules.length === 1) return state.schedules[0]!.schedule.blogId;
  throw new CliError('Name the blog with --blog ID ("digest schedule" lists the blogs with a schedule).', 2);
}

export function registerDigestSchedule(digest: Command, context: () => CliContext) {
  digest
    .command('schedule [blogId]')
    .description(
      'show the digest schedules, or set one blog’s (when its digest comes round, and what goes in)',
    )
    .option('--weekly <weekday>', 'a digest each week, the week ending on this day', parseWeekday)
    .option('--fortnightly <weekday>', 'a digest every other week, ending on this day', parseWeekday)
    .option('--monthly', 'a digest for each calendar month')
    .option('--title <pattern>', 'the title, {start} and {end} the first and last day')
    .option('--template <name>', 'the digest template for intro, items and dates')
    .option('--min <n>', 'fewer links than this wait for the next period', parseCount)
    .option('--max <n>', 'at most this many links, the oldest first', parseCount)
    .option('--tags <list>', 'only links with one of these tags (comma-separated; "" for all)')
    .option('--remind', 'only remind me when a digest is due')
    .option('--draft', 'draft the digest on its own when its period closes')
    .option('--catch-up <how>', 'periods missed while closed: each or combined', parseCatchUp)
    .option('--starts <date>', 'the first period holds this day (default today)', parseDay)
    .option('--off', 'remove the blog’s schedule')
    .action(async (blogId: string | undefined, options: ScheduleOptions) => {
      const ctx = context();
      let state = await ctx.call('cadence-state', {});
      if (blogId)
        state = await ctx.call('cadence-set', { blogId, schedule: scheduleFrom(state, blogId, options) });
      else if (Object.keys(options).length)
        throw new CliError('Name the blog whose schedule to set: digest schedule BLOG_ID …', 2);
      const [names, words] = await Promise.all([blogNames(ctx), scheduleWords()]);
      ctx.print(state, () => describeState(state, names, words));
    });

  digest
    .command('due')
    .description('the digests whose period has closed; --run drafts them (or reminds) as the app does')
    .option('--run', 'deal with every closed period now')
    .action(async (options: { run?: boolean }) => {
      const ctx = context();
      const run = options.run ? await ctx.call('cadence-run', {}) : null;
      const state = await ctx.call('cadence-state', {});
      const [names, words] = await Promise.all([blogNames(ctx), scheduleWords()]);
      ctx.print(run ? { ...state, run } : state, () =>
        [
          ...(run
            ? [
                `Drafted ${run.drafted.length} digest${run.drafted.length === 1 ? '' : 's'}, ` +
                  `reminded of ${run.reminded.length}.`,
              ]
            : []),
          describeState(state, names, words),
        ].join('\n'),
      );
    });

  digest
    .command('draft')
    .description('draft a scheduled digest now: the period holding a day (default today)')
    .option('--blog <id>', 'the blog (needed when more than one has a schedule)')
    .option('--period <date>', 'a day of the period (YYYY-MM-DD)', parseDay)
    .option('--again', 'draft a period that was drafted before')
    .action(async (options: { blog?: string; period?: string; again?: boolean }) => {
      const ctx = context();
      const blogId = scheduledBlog(await ctx.call('cadence-state', {}), options.blog);
      const made = await ctx.call('cadence-draft', {
        blogId,
        ...(options.period ? { day: options.period } : {}),
        again: Boolean(options.again),
      });
      const left = made.leftOut ? `; ${made.leftOut} more left in the inbox (the maximum)` : '';
      ctx.print(made, () => `Draft ${made.draftId}: ${made.title} (${made.count} links${left})`);
    });
}

function scheduleFrom(state: CadenceState, blogId: string, options: ScheduleOptions) {
  if (options.off) return null;
  const kinds = [options.weekly !== undefined, options.fortnightly !== undefined, options.monthly].filter(
    Boolean,
  );
  if (kinds.length > 1) throw new CliError('Choose one of --weekly, --fortnightly and --monthly.', 2);
  if (options.remind && options.draft) throw new CliError('Choose --remind or --draft, not both.', 2);
  const existing = state.schedules.find((status) => status.schedule.blogId === blogId)?.schedule;
  const period = options.monthly
    ? { period: 'monthly' as const }
    : options.weekly !== undefined
      ? { period: 'weekly' as const, weekday: options.weekly }
      : options.fortnightly !== undefined
        ? { period: 'fortnightly' as const, weekday: options.fortnightly }
        : existing && { period: existing.period, weekday: existing.weekday };
  if (!period)
    throw new CliError('Say when the digest comes round: --weekly DAY, --fortnightly DAY or --monthly.', 2);
  const { blogId: _blog, ...kept } = existing ?? { blogId };
  return {
    ...kept,
    ...period,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.template !== undefined ? { template: options.template || null } : {}),
    ...(options.min !== undefined ? { minLinks: options.min } : {}),
    ...(options.max !== undefined ? { maxLinks: options.max } : {}),
    ...(options.tags !== undefined ? { tags: splitTags(options.tags) } : {}),
    ...(options.remind ? { action: 'remind' as const } : options.draft ? { action: 'draft' as const } : {}),
    ...(options.catchUp ? { catchUp: options.catchUp } : {}),
    ...(options.starts ? { startsOn: options.starts } : {}),
  };
}
