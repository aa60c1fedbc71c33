import { addDays, addMonths, formatLocal, parseLocal, weekday } from '../../../shared/events/local-date';
import { MONTH_NAMES } from '../../../shared/events/event-text';

/** Month-grid arithmetic on local ISO dates (weeks start on Monday, as in Britain). */

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function todayLocal(): string {
  const now = new Date();
  return formatLocal({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() }, false);
}

/** `2009-11` for any day in November 2009. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

export function monthLabel(month: string): string {
  const parts = parseLocal(`${month}-01`)!;
  return `${MONTH_NAMES[parts.month - 1]} ${parts.year}`;
}

export function shiftMonth(month: string, by: number): string {
  return monthOf(addMonths(`${month}-01`, by));
}

/** The 42 days (six weeks, Monday first) a month grid shows. */
export function gridDays(month: string): string[] {
  const first = `${month}-01`;
  const start = addDays(first, -((weekday(first) + 6) % 7));
  return Array.from({ length: 42 }, (_, index) => addDays(start, index));
}

/** "Wednesday 25 November 2009". */
export function dayLabel(day: string): string {
  const parts = parseLocal(day)!;
  return `${WEEKDAY_NAMES[(weekday(day) + 6) % 7]} ${parts.day} ${MONTH_NAMES[parts.month - 1]} ${parts.year}`;
}

/** Moves a day within the grid by a key press; null for keys the grid does not use. */
export function dayForKey(day: string, key: string): string | null {
  const column = (weekday(day) + 6) % 7;
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return addDays(day, -column);
    case 'End':
      return addDays(day, 6 - column);
    case 'PageUp':
      return addMonths(day, -1);
    case 'PageDown':
      return addMonths(day, 1);
    default:
      return null;
  }
}
