import { InvalidArgumentError, type Command } from 'commander';
import { CoreFailure } from '../../../shared/contract/errors';
import type { FoundEvent } from '../../../shared/events/extract-events';
import { formatEventLine, formatWhen } from '../../../shared/events/event-text';
import { instantToLocal, localToInstant } from '../../../shared/events/time-zone';
import { defaultTimeZone } from '../../core/calendar/default-time-zone';
import { isLocalIso, parseLocal } from '../../../shared/events/local-date';
import type { EventOccurrence } from '../../../shared/model/calendar-event';
import type { CliContext } from '../cli-context';
import { readNamedFile } from '../read-named-file';
import { CliError } from '../cli-error';

function parseDay(value: string): string {
  if (parseLocal(value)?.hasTime !== false) {
    throw new InvalidArgumentError('give the date as YYYY-MM-DD, for example 2009-11-25.');
  }
  return value;
}

function parseLocalIso(value: string): string {
  if (!isLocalIso(value)) {
    throw new InvalidArgumentError('give a date (2009-11-25) or a date and time (2009-11-25T09:30).');
  }
  return value.slice(0, 16);
}

/** A core failure told the way a command-line user can act on: the core's sentence, with a hint when not found. */
async function withHints<T>(work: () => Promise<T>, hint = ''): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CoreFailure && error.code === 'not-found')
      throw new CliError(`${error.message} ${hint}`.trim());
    // Wrong arguments come with the core's sentences naming each field in words.
    if (error instanceof CoreFailure && error.code === 'invalid-args') throw new CliError(error.message);
    throw error;
  }
}

/**
 * An occurrence at its own wall-clock time; a timed event in another zone than the reader's names
 * its zone and says when that is here, so the day shown is never mistaken.
 */
function occurrenceRow(entry: EventOccurrence, readerZone: string): string {
  const line = formatEventLine({ ...entry.event, start: entry.start, end: entry.end });
  const repeats = entry.event.rrule ? ' (repeats)' : '';
  const { allDay, timeZone } = entry.event;
  const elsewhere =
    !allDay && timeZone !== readerZone
      ? `\n    ${timeZone} time; here (${readerZone}) ${formatWhen({
          allDay: false,
          start: instantToLocal(localToInstant(entry.start, timeZone), readerZone),
          end: null,
        })}`
      : '';
  return `${entry.event.id}  ${entry.event.title}${repeats}\n    ${line}${elsewhere}`;
}

function foundRow(event: FoundEvent): string {
  const when = event.end ? `${event.start} – ${event.end}` : event.start;
  const kind = event.allDay ? 'all day' : 'timed';
  const where = event.location ? `  at ${event.location}` : '';
  const note = event.note ? `\n    Check: ${event.note}` : '';
  return `${when}  (${kind})${where}\n    “${event.text}”${note}`;
}

export function registerEvents(program: Command, context: () => CliContext) {
  const events = program
    .command('events')
    .description('the event calendar: list, add, find in drafts, .ics in and out');

  events
    .command('list')
    .description('list events, earliest first (repeating events once per occurrence within --to)')
    .option('--from <date>', 'first day, YYYY-MM-DD', parseDay)
    .option('--to <date>', 'last day, YYYY-MM-DD', parseDay)
    .action(async (options: { from?: string; to?: string }) => {
      const ctx = context();
      const list = await ctx.call('events-list', options);
      ctx.print(list, () =>
        list.length
          ? list.map((entry) => occurrenceRow(entry, defaultTimeZone())).join('\n')
          : 'No events in the calendar for those dates.',
      );
    });

  events
    .command('add')
    .description('add an event to the calendar')
    .requiredOption('--title <text>', 'what the event is called')
    .requiredOption('--start <iso>', 'start: 2009-11-25 (all day) or 2009-11-25T09:30', parseLocalIso)
    .option('--end <iso>', 'end, in the same form as --start', parseLocalIso)
    .option('--all-day', 'an all-day event (dates without times)')
    .option('--location <place>', 'where it happens')
    .action(
      async (options: {
        title: string;
        start: string;
        end?: string;
        allDay?: boolean;
        location?: string;
      }) => {
        const ctx = context();
        const allDay = options.allDay ?? options.start.length === 10;
        const event = await withHints(() =>
          ctx.call('events-create', {
            title: options.title,
            start: allDay ? options.start.slice(0, 10) : options.start,
            end: options.end ? (allDay ? options.end.slice(0, 10) : options.end) : null,
            allDay,
            location: options.location ?? '',
          }),
        );
        ctx.print(event, () => `Added ${event.title}: ${formatEventLine(event)} (id ${event.id})`);
      },
    );

  events
    .command('extract')
    .argument('<draft-id>', 'the draft to read')
    .description("print the events named in a draft's text, dated from its post date")
    .action(async (draftId: string) => {
      const ctx = context();
      const found = await withHints(
        () => ctx.call('events-extract', { draftId }),
        'Run `postwright drafts list` to see your drafts.',
      );
      ctx.print(found, () =>
        found.length ? found.map(foundRow).join('\n') : 'No dates or times for events in that draft.',
      );
    });

  events
    .command('import')
    .argument('<file>', 'an iCalendar (.ics) file')
    .description('import events from an .ics file; events already imported are updated')
    .action(async (file: string) => {
      const ctx = context();
      const content = (await readNamedFile(file)).toString('utf8');
      const result = await ctx.call('events-import', { content, filename: file });
      ctx.print(result, () =>
        [
          `Imported ${file}: ${result.added} added, ${result.updated} updated.`,
          ...result.skipped.map((entry) => `Skipped “${entry.summary}”: ${entry.reason}.`),
        ].join('\n'),
      );
    });

  events
    .command('export')
    .description('print an .ics calendar of the events (all, or those from --from to --to)')
    .option('--from <date>', 'first day, YYYY-MM-DD', parseDay)
    .option('--to <date>', 'last day, YYYY-MM-DD', parseDay)
    .action(async (options: { from?: string; to?: string }) => {
      const ctx = context();
      const file = await ctx.call('events-export', options);
      // The calendar itself is the output, ready to redirect to a file; --json wraps it with a filename.
      if (ctx.options.json) ctx.print(file, () => file.content);
      else process.stdout.write(file.content);
    });
}
