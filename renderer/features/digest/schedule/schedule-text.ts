import { format } from 'date-fns';
import type { DayRange } from '../../../../shared/model/digest-schedule';

const dayDate = (day: string) => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
};

/** "2 November – 8 November 2009": a period's days as the author reads them. */
export function rangeText(range: DayRange): string {
  const from = dayDate(range.from);
  const to = dayDate(range.to);
  const sameYear = from.getFullYear() === to.getFullYear();
  return `${format(from, sameYear ? 'd MMMM' : 'd MMMM yyyy')} – ${format(to, 'd MMMM yyyy')}`;
}

/** "Monday 7 December at 00:00": when a period closes, in the author's own clock. */
export function momentText(iso: string): string {
  return format(new Date(iso), "EEEE d MMMM 'at' HH:mm");
}
