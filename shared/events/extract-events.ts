import { Chrono, en, type ParsedComponents, type ParsedResult } from 'chrono-node';
import type { Settings } from '../model/settings';
import { findLocation } from './find-location';
import { AnnouncedEventFilter } from './announcement';
import { MONTH_NAMES, WEEKDAYS } from './event-text';
import { addDays, formatLocal, parseLocal, weekday } from './local-date';
import { normalizeTimes } from './normalize-times';
import { DaySpanParser, nearestYear, TimeRangeParser } from './uk-parsers';
import { DateThenLaterTimeRefiner, NamedDayFilter, YearOrTimeRefiner } from './uk-refiners';

/** An event found in prose, ready to prefill "Add to calendar". */
export interface FoundEvent {
  /** Local ISO date (`2009-11-27`) or date-time (`2009-11-27T10:00`) in the author's time zone. */
  start: string;
  /** Same form as start; null when the text gives no end. For a span of days, the last day. */
  end: string | null;
  allDay: boolean;
  location: string | null;
  /** The words that named the date and time, as written. */
  text: string;
  /** Where `text` starts in the input. */
  index: number;
  /** What the author should check, said beside the proposal: a weekday that does not match the date. */
  note: string | null;
}

export interface ExtractOptions {
  /**
   * The post's date (local ISO date or ISO date-time): a date written without a year takes the year
   * that puts it nearest this. Without one (a draft not dated yet), it is the next time that day comes.
   */
  postDate: string | null;
  /** Today, a local ISO date: where "the next time that day comes" starts. */
  today: string;
  dateOrder?: Settings['dateOrder'];
}

const parsers = new Map<Settings['dateOrder'], Chrono>();

/** chrono's English parsers without the relative ones, plus the British forms of uk-parsers. */
function chronoFor(dateOrder: Settings['dateOrder']): Chrono {
  let chrono = parsers.get(dateOrder);
  if (!chrono) {
    const configuration = en.configuration.createConfiguration(false, dateOrder === 'day-first');
    configuration.parsers.push(new TimeRangeParser(), new DaySpanParser());
    configuration.refiners.unshift(new YearOrTimeRefiner());
    configuration.refiners.push(
      new DateThenLaterTimeRefiner(),
      new NamedDayFilter(),
      new AnnouncedEventFilter(),
    );
    chrono = new Chrono(configuration);
    parsers.set(dateOrder, chrono);
  }
  return chrono;
}

function referenceDate(day: string): Date {
  const parts = parseLocal(day.slice(0, 10));
  if (!parts) throw new Error(`The date ${day} is not an ISO date such as 2009-11-16.`);
  // Noon on that day, in whatever zone this runs in: only its calendar date matters.
  return new Date(parts.year, parts.month - 1, parts.day, 12);
}

/** The year for a day and month written without one, by the rule of ExtractOptions.postDate. */
function yearFor(month: number, day: number, options: ExtractOptions): number {
  if (options.postDate) return nearestYear(referenceDate(options.postDate), month, day);
  const today = parseLocal(options.today)!;
  const passed = month < today.month || (month === today.month && day < today.day);
  return passed ? today.year + 1 : today.year;
}

/** "27 November 2009 is a Friday, not a Tuesday." when the text names another weekday. */
function weekdayNote(result: ParsedResult, start: string): string | null {
  const named = result.start.isCertain('weekday') ? result.start.get('weekday') : null;
  if (named === null || named === undefined || named === weekday(start)) return null;
  const parts = parseLocal(start.slice(0, 10))!;
  const actual = WEEKDAYS[weekday(start)];
  return `${parts.day} ${MONTH_NAMES[parts.month - 1]} ${parts.year} is a ${actual}, not a ${WEEKDAYS[named]}.`;
}

function localOf(components: ParsedComponents, withTime: boolean, year: number): string {
  return formatLocal(
    {
      year,
      month: components.get('month') ?? 1,
      day: components.get('day') ?? 1,
      hour: components.get('hour') ?? 0,
      minute: components.get('minute') ?? 0,
    },
    withTime,
  );
}

function toFoundEvent(text: string, result: ParsedResult, options: ExtractOptions): FoundEvent {
  const allDay = !result.start.isCertain('hour');
  const startYear = result.start.isCertain('year')
    ? result.start.get('year')!
    : yearFor(result.start.get('month') ?? 1, result.start.get('day') ?? 1, options);
  const start = localOf(result.start, !allDay, startYear);
  let end: string | null = null;
  if (result.end) {
    const endYear = result.end.isCertain('year') ? (result.end.get('year') ?? startYear) : startYear;
    end = localOf(result.end, !allDay, endYear);
    const sameDay = end.slice(0, 10) === start.slice(0, 10);
    // "8pm – 1am": an evening that runs past midnight ends the next morning.
    if (!allDay && sameDay && end <= start && end.slice(11) < '06:00') end = addDays(end, 1);
    // "28 December to 2 January": the end is in the next year.
    else if (end < start && !result.end.isCertain('year')) end = localOf(result.end, !allDay, endYear + 1);
    // A one-day span is just that day.
    if (allDay && end === start) end = null;
  }
  return {
    start,
    end,
    allDay,
    location: findLocation(text, result.index, result.index + result.text.length),
    // The author's own words (the parser read a copy with its clock times rewritten in place).
    text: text.slice(result.index, result.index + result.text.length).trim(),
    index: result.index,
    note: weekdayNote(result, start),
  };
}

/** Every event named in `text`, in reading order. Pure: the same text and options give the same events. */
export function extractEvents(text: string, options: ExtractOptions): FoundEvent[] {
  const reference = referenceDate(options.postDate ?? options.today);
  const results = chronoFor(options.dateOrder ?? 'day-first').parse(normalizeTimes(text), reference);
  return results
    .map((result) => toFoundEvent(text, result, options))
    .filter((event) => !event.end || event.end > event.start);
}
