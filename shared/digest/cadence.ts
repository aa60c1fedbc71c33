import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, endOfMonth, format, getDay, max, startOfMonth } from 'date-fns';
import type { DayRange, DigestSchedule } from '../model/digest-schedule';
import { WEEKDAY_NAMES } from './weekdays';

/**
 * The digest schedule's arithmetic. Periods are calendar days, worked out by date-fns on dates
 * held at noon (no clock change moves noon to another day); only the moment a period closes,
 * midnight after its last day, and "today" depend on the author's time zone, and those go through
 * @date-fns/tz. A period has closed exactly when today, in that zone, is past its last day.
 */

/** Enough for any gap an author leaves (40 years of weeks); a corrupt date cannot loop for ever. */
const MOST_PERIODS = 2100;

export { WEEKDAY_NAMES };

function dayDate(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date, 12);
}

const dayOf = (date: Date) => format(date, 'yyyy-MM-dd');

export function addDaysTo(day: string, amount: number): string {
  return dayOf(addDays(dayDate(day), amount));
}

/** The day it is at `now` in `timeZone`. */
export function dayIn(now: Date, timeZone: string): string {
  return dayOf(new TZDate(now.getTime(), timeZone));
}

/**
 * When the period of `range` closes: the first moment of the day after its last, in `timeZone`.
 * Where that midnight does not exist (a zone that springs forward at 00:00) it is the first
 * moment that does.
 */
export function closesAt(range: DayRange, timeZone: string): Date {
  const [year, month, date] = range.to.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(year, month - 1, date + 1, timeZone).getTime());
}

/** The last day of the weekly period holding `day`: the schedule's weekday, on or after it. */
function weekEnding(day: string, weekday: number): Date {
  const date = dayDate(day);
  return addDays(date, (weekday - getDay(date) + 7) % 7);
}

type PeriodRule = Pick<DigestSchedule, 'period' | 'weekday' | 'startsOn'>;

/** The schedule's period that holds `day`. */
export function periodContaining(schedule: PeriodRule, day: string): DayRange {
  if (schedule.period === 'monthly') {
    const date = dayDate(day);
    return { from: dayOf(startOfMonth(date)), to: dayOf(endOfMonth(date)) };
  }
  const end = weekEnding(day, schedule.weekday);
  if (schedule.period === 'weekly') return { from: dayOf(addDays(end, -6)), to: dayOf(end) };
  // Fortnights count from the first one, the one holding the day the schedule starts.
  const firstEnd = weekEnding(schedule.startsOn, schedule.weekday);
  const fortnights = Math.ceil(differenceInCalendarDays(end, firstEnd) / 14);
  const to = addDays(firstEnd, fortnights * 14);
  return { from: dayOf(addDays(to, -13)), to: dayOf(to) };
}

/** The first period not dealt with yet: after `doneThrough`, or the one the schedule starts in. */
function firstOpen(schedule: PeriodRule, doneThrough: string | null): DayRange {
  if (!doneThrough) return periodContaining(schedule, schedule.startsOn);
  const next = addDaysTo(doneThrough, 1);
  const period = periodContaining(schedule, next);
  // After a change of period kind the new period may begin before the last one done: no day twice.
  return { from: dayOf(max([dayDate(period.from), dayDate(next)])), to: period.to };
}

/**
 * The periods that closed by `now` and were not dealt with (`doneThrough` is the last day of the
 * last one that was), oldest first, and the period still open.
 */
export function periodsDue(
  schedule: PeriodRule,
  doneThrough: string | null,
  now: Date,
  timeZone: string,
): { closed: DayRange[]; open: DayRange } {
  const today = dayIn(now, timeZone);
  const closed: DayRange[] = [];
  let period = firstOpen(schedule, doneThrough);
  while (period.to < today && closed.length < MOST_PERIODS) {
    closed.push(period);
    period = periodContaining(schedule, addDaysTo(period.to, 1));
  }
  return { closed, open: period };
}

/** "weekly, ending on Sunday", "every other week, ending on Friday", "monthly". */
export function describePeriod(schedule: Pick<DigestSchedule, 'period' | 'weekday'>): string {
  const weekday = WEEKDAY_NAMES[schedule.weekday] ?? 'Sunday';
  if (schedule.period === 'monthly') return 'monthly, at the end of each month';
  if (schedule.period === 'fortnightly') return `every other week, ending on ${weekday}`;
  return `weekly, ending on ${weekday}`;
}
