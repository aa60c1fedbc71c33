import { isValidTimeZone } from '../../../shared/events/time-zone';

/** The machine's time zone for new events; Europe/London (the blogs we serve) when it has none. */
export function defaultTimeZone(): string {
  const zone = process.env.TZ || Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'Europe/London';
}
