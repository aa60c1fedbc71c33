import { addDays, endOfMonth, endOfWeek, format, isValid, parse, startOfMonth, startOfWeek } from 'date-fns';

/**
 * Date tokens of post templates, written `{name}` or `{name:pattern}`:
 * - `date` the day the draft is made for (today unless a day is given), `date+N` / `date-N` N days
 *   after or before it;
 * - `week-start` / `week-end` the Monday and the Sunday of that day's week;
 * - `month-start` / `month-end` the first and last day of its month.
 * The pattern is a date-fns one (`MMMM do` gives "November 5th", `EEEE` the weekday, `yyyy` the
 * year); without one a day is written `d MMMM yyyy` ("5 November 2009"). Anything else in braces
 * stays as written, so a typo shows in the preview instead of vanishing.
 */
const TOKEN = /\{(date(?:[+-]\d{1,4})?|week-start|week-end|month-start|month-end)(?::([^{}]{1,100}))?\}/g;
export const DEFAULT_DAY_PATTERN = 'd MMMM yyyy';
const WEEK = { weekStartsOn: 1 } as const;

/** The local day `YYYY-MM-DD` as a Date at its midnight; null when it is no such day. */
export function localDay(day: string): Date | null {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(day) ? parse(day, 'yyyy-MM-dd', new Date(2000, 0, 1)) : null;
  return date && isValid(date) ? date : null;
}

function dayOf(name: string, base: Date): Date {
  if (name === 'week-start') return startOfWeek(base, WEEK);
  if (name === 'week-end') return endOfWeek(base, WEEK);
  if (name === 'month-start') return startOfMonth(base);
  if (name === 'month-end') return endOfMonth(base);
  return addDays(base, Number(name.slice('date'.length) || 0));
}

/**
 * date-fns refuses the week-year and day-of-year letters (Y, D) unless asked, and warns on the
 * console first: such a pattern is refused here, before date-fns sees it.
 */
function formatDay(day: Date, pattern: string): string {
  if (/[YD]/.test(pattern.replace(/'[^']*'?/g, ''))) throw new RangeError(`unsupported pattern ${pattern}`);
  return format(day, pattern);
}

/** Writes the tokens of `text` for the day `base`; `escape` is applied to each date written. */
export function expandDateTokens(text: string, base: Date, escape: (value: string) => string = (v) => v) {
  return text.replace(TOKEN, (whole, name: string, pattern: string | undefined) => {
    try {
      return escape(formatDay(dayOf(name, base), pattern ?? DEFAULT_DAY_PATTERN));
    } catch {
      return whole; // refused when the template is saved; kept as written if one got through
    }
  });
}

/** One sentence naming the first token whose pattern date-fns refuses, or null when all are good. */
export function dateTokenProblem(text: string): string | null {
  for (const [whole, , pattern] of text.matchAll(TOKEN)) {
    if (pattern === undefined) continue;
    try {
      formatDay(new Date(2009, 10, 5), pattern);
    } catch {
      return `The date pattern in ${whole} is not one Postwright knows: use letters such as d, MMMM, yyyy and EEEE, and put other words in single quotes.`;
    }
  }
  return null;
}
