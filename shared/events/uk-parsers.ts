import type { Parser, ParsingContext, ParsingResult } from 'chrono-node';

/**
 * Parsers for the ways British posts write times and spans that chrono's English parsers miss:
 * "1000 – 1600", "between 9.30 and 12.30", "2-4pm", "30th and 31st of October 2009".
 */

export const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const MONTH_PATTERN = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A clock time: 9.30, 12:30, 7pm, 11.15am, or a 24-hour 1000 / 16:00. */
const CLOCK = String.raw`(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?`;
const CLOCK_24 = String.raw`([01]\d|2[0-3])([0-5]\d)`;

interface Clock {
  hour: number;
  minute: number;
  meridiem: 'am' | 'pm' | null;
  /** Written with minutes or am/pm, i.e. unmistakably a time. */
  explicit: boolean;
}

function readClock(hour?: string, minute?: string, meridiem?: string): Clock | null {
  if (hour === undefined) return null;
  const h = Number(hour);
  const m = minute === undefined ? 0 : Number(minute);
  const mer = meridiem ? (meridiem.toLowerCase().startsWith('a') ? 'am' : 'pm') : null;
  if (m > 59 || h > 23 || (mer && (h < 1 || h > 12))) return null;
  return { hour: h, minute: m, meridiem: mer, explicit: minute !== undefined || mer !== null };
}

function to24(clock: Clock): number {
  if (clock.meridiem === 'pm') return clock.hour === 12 ? 12 : clock.hour + 12;
  if (clock.meridiem === 'am') return clock.hour === 12 ? 0 : clock.hour;
  return clock.hour;
}

/**
 * The hours of a time range: "2-4pm" is afternoon for both ends; "1.30-3.30" with no am/pm is the
 * afternoon (nobody meets at half past one at night); "9.30-12.30" stays morning to noon.
 */
export function resolveRange(start: Clock, end: Clock): [number, number] {
  let endHour = to24(end);
  let startHour = to24(start);
  if (start.meridiem === null && end.meridiem === 'pm' && startHour + 12 <= endHour) startHour += 12;
  if (start.meridiem === null && end.meridiem === null && startHour >= 1 && startHour < 8 && endHour <= 12) {
    startHour += 12;
    if (endHour < 12) endHour += 12;
  }
  if (start.meridiem === 'am' && end.meridiem === null && endHour < startHour && endHour < 12) endHour += 12;
  return [startHour, endHour];
}

/** "from 1000 – 1600", "between 9.30 and 12.30", "9.30-12.30", "2-4pm", "1000-1600hrs". */
export class TimeRangeParser implements Parser {
  pattern(): RegExp {
    return new RegExp(
      // Not "from 5 to 7 March": numbers followed by a month are days.
      String.raw`(?<![\w£$€.:])(?:(from|between)\s+)?(?:${CLOCK_24}|${CLOCK})\s*(-|–|—|to|until|till|and)\s*(?:${CLOCK_24}|${CLOCK})(\s*(?:hrs|hours|h)\b)?(?![\w.:]\d)(?!(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTH_PATTERN})\b)`,
      'i',
    );
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const [text, lead, s24h, s24m, sh, sm, smer, joiner, e24h, e24m, eh, em, emer, hrs] = match;
    const prefixed = lead !== undefined;
    if (joiner?.toLowerCase() === 'and' && lead?.toLowerCase() !== 'between') return null;
    const start = s24h !== undefined ? readClock(s24h, s24m) : readClock(sh, sm, smer);
    const end = e24h !== undefined ? readClock(e24h, e24m) : readClock(eh, em, emer);
    if (!start || !end) return null;
    // Four-digit times look like years ("1000 – 1600"): only with "from"/"between" or "hrs".
    if ((s24h !== undefined || e24h !== undefined) && !prefixed && !hrs) return null;
    // Bare numbers ("2 to 4") are counts unless "from"/"between" says they are times.
    if (!start.explicit && !end.explicit && s24h === undefined && !prefixed) return null;
    const [startHour, endHour] = resolveRange(start, end);
    // An end before the start is only an evening running into the small hours ("2200 until 0100").
    const runsPastMidnight = endHour < 6 && startHour >= 12;
    if (endHour * 60 + end.minute <= startHour * 60 + start.minute && !runsPastMidnight) return null;
    return context.createParsingResult(
      match.index ?? 0,
      text,
      { hour: startHour, minute: start.minute },
      { hour: endHour, minute: end.minute },
    );
  }
}

/** The year nearest the post's date for a day and month written without one. */
export function nearestYear(reference: Date, month: number, day: number): number {
  const year = reference.getFullYear();
  const candidates = [year - 1, year, year + 1];
  const distance = (y: number) => Math.abs(new Date(y, month - 1, day).getTime() - reference.getTime());
  return candidates.reduce((best, y) => (distance(y) < distance(best) ? y : best), year);
}

const WEEKDAY = String.raw`(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+`;

/**
 * Days of one month: "5–7 March", "from 5 to 7 March", "Saturday 5 to Monday 7 March",
 * "Fri 11 – Sun 13 March", "30th and 31st of October 2009" (with "and", consecutive days only).
 */
export class DaySpanParser implements Parser {
  pattern(): RegExp {
    return new RegExp(
      String.raw`(?<!\w)(?:from\s+)?(?:${WEEKDAY})?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s*(and|&|-|–|—|to|until|till|through)\s*(?:${WEEKDAY})?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_PATTERN})\.?(?:,?\s+(\d{4}))?(?!\w)`,
      'i',
    );
  }

  extract(context: ParsingContext, match: RegExpMatchArray): ParsingResult | null {
    const [text, first, joiner, second, monthName, yearText] = match;
    const month = MONTHS[monthName?.toLowerCase() ?? ''];
    const [day1, day2] = [Number(first), Number(second)];
    // "5th and 12th March" are two separate days, not a span; chrono reads the second on its own.
    const consecutive = joiner === 'and' || joiner === '&';
    if (!month || day1 < 1 || day2 <= day1 || (consecutive && day2 !== day1 + 1)) return null;
    const year = yearText ? Number(yearText) : nearestYear(context.refDate, month, day1);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day2 > last) return null;
    const result = context.createParsingResult(
      match.index ?? 0,
      text,
      { day: day1, month, ...(yearText ? { year } : {}) },
      { day: day2, month, ...(yearText ? { year } : {}) },
    );
    if (!yearText) {
      result.start.imply('year', year);
      result.end?.imply('year', year);
    }
    return result;
  }
}
