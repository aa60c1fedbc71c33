import ICAL from 'ical.js';
import { parseLocal } from '../../../shared/events/local-date';

/**
 * An event's local date-time ("2009-11-25T09:30") as ical.js's time: floating (no zone) unless
 * `utc`, a date alone when `isDate`.
 */
export function icalTime(local: string, isDate: boolean, utc = false): ICAL.Time {
  const parts = parseLocal(local)!;
  return ICAL.Time.fromData(
    {
      year: parts.year,
      month: parts.month,
      day: parts.day,
      hour: parts.hour ?? 0,
      minute: parts.minute ?? 0,
      second: 0,
      isDate,
    },
    utc ? ICAL.Timezone.utcTimezone : undefined,
  );
}
