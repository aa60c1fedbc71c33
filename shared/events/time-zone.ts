import { formatLocal, parseLocal } from './local-date';

/**
 * Time-zone arithmetic with the platform's Intl data (every host has it), so an event's wall-clock
 * time in its IANA zone can be turned into an instant for h-event markup and .ics files.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

function wallClock(timeZone: string, instantMs: number) {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 1970,
    month: values.month ?? 1,
    day: values.day ?? 1,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** Minutes east of UTC in `timeZone` at the instant `instantMs`. */
export function offsetMinutes(timeZone: string, instantMs: number): number {
  const wall = wallClock(timeZone, instantMs);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60_000);
}

/** The instant a local time in `timeZone` names (a time skipped by a clock change moves forward). */
export function localToInstant(local: string, timeZone: string): number {
  const parts = parseLocal(local);
  if (!parts) throw new Error(`Not a local date or time: ${local}`);
  const naive = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour ?? 0, parts.minute ?? 0);
  const first = naive - offsetMinutes(timeZone, naive) * 60_000;
  return naive - offsetMinutes(timeZone, first) * 60_000;
}

/** The local date-time in `timeZone` at an instant. */
export function instantToLocal(instantMs: number, timeZone: string): string {
  const wall = wallClock(timeZone, instantMs);
  return formatLocal(wall, true);
}

/** `+01:00` style offset text. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** A local time as a full ISO 8601 date-time with its offset (`2009-11-25T09:30:00+00:00`); a day stays a day. */
export function toIsoWithOffset(local: string, timeZone: string): string {
  const parts = parseLocal(local);
  if (!parts) throw new Error(`Not a local date or time: ${local}`);
  if (!parts.hasTime) return local;
  const instant = localToInstant(local, timeZone);
  return `${instantToLocal(instant, timeZone)}:00${formatOffset(offsetMinutes(timeZone, instant))}`;
}
