import { Chrono, en, type ParsedComponents, type ParsedResult } from 'chrono-node';
import type { Settings } from '../model/settings';
import { findLocation } from './find-location';
import { formatLocal, parseLocal } from './local-date';
import { DayPairParser, TimeRangeParser } from './uk-parsers';
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
}

export interface ExtractOptions {
  /** The post's date (local ISO date or ISO date-time): a date written without a year is the nearest to it. */
  postDate: string;
  dateOrder?: Settings['dateOrder'];
}

const parsers = new Map<Settings['dateOrder'], Chrono>();

/** chrono's English parsers without the relative ones, plus the British forms of uk-parsers. */
function chronoFor(dateOrder: Settings['dateOrder']): Chrono {
  let chrono = parsers.get(dateOrder);
  if (!chrono) {
    const configuration = en.configuration.createConfiguration(false, dateOrder === 'day-first');
    configuration.parsers.push(new TimeRangeParser(), new DayPairParser());
    configuration.refiners.unshift(new YearOrTimeRefiner());
    configuration.refiners.push(new DateThenLaterTimeRefiner(), new NamedDayFilter());
    chrono = new Chrono(configuration);
    parsers.set(dateOrder, chrono);
  }
  return chrono;
}

function referenceDate(postDate: string): Date {
  const day = parseLocal(postDate.slice(0, 10));
  if (!day) throw new Error(`The post date ${postDate} is not an ISO date such as 2009-11-16.`);
  // Noon on the post's day, in whatever zone this runs in: only its calendar date matters.
  return new Date(day.year, day.month - 1, day.day, 12);
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

function toFoundEvent(text: string, result: ParsedResult): FoundEvent {
  const allDay = !result.start.isCertain('hour');
  const startYear = result.start.get('year') ?? new Date().getFullYear();
  const start = localOf(result.start, !allDay, startYear);
  let end: string | null = null;
  if (result.end) {
    const endYear = result.end.isCertain('year') ? (result.end.get('year') ?? startYear) : startYear;
    end = localOf(result.end, !allDay, endYear);
    // "28 December to 2 January": the end is in the next year.
    if (end < start && !result.end.isCertain('year')) end = localOf(result.end, !allDay, endYear + 1);
    // A one-day span is just that day.
    if (allDay && end === start) end = null;
  }
  return {
    start,
    end,
    allDay,
    location: findLocation(text, result.index, result.index + result.text.length),
    text: result.text.trim(),
    index: result.index,
  };
}

/** Every event named in `text`, in reading order. Pure: the same text and options give the same events. */
export function extractEvents(text: string, options: ExtractOptions): FoundEvent[] {
  const results = chronoFor(options.dateOrder ?? 'day-first').parse(text, referenceDate(options.postDate));
  return results
    .map((result) => toFoundEvent(text, result))
    .filter((event) => !event.end || event.end > event.start);
}
