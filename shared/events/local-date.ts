/**
 * Local ("wall clock") dates and times as ISO text without a zone: `2009-11-25` for a day,
 * `2009-11-25T09:30` for a time. Events keep their time zone beside them, so these strings mean the
 * same to every host and sort correctly as text.
 */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
}

const LOCAL_ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatLocal(parts: LocalParts, withTime = parts.hour !== undefined): string {
  const date = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}`;
  return withTime ? `${date}T${pad(parts.hour ?? 0)}:${pad(parts.minute ?? 0)}` : date;
}

/** Reads a local ISO date or date-time; null when it is not one (or names an impossible day). */
export function parseLocal(text: string): (LocalParts & { hasTime: boolean }) | null {
  const match = LOCAL_ISO.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (match[4] === undefined) return { year, month, day, hasTime: false };
  const [hour, minute] = [Number(match[4]), Number(match[5])];
  if (hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute, hasTime: true };
}

export function isLocalIso(text: string): boolean {
  return parseLocal(text) !== null;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day part of a local ISO value. */
export function datePart(local: string): string {
  return local.slice(0, 10);
}

export function timePart(local: string): string | null {
  return local.length > 10 ? local.slice(11, 16) : null;
}

/** Calendar arithmetic on days, independent of any time zone. */
export function addDays(local: string, days: number): string {
  const parts = parseLocal(local);
  if (!parts) throw new Error(`Not a local date: ${local}`);
  const moved = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  const date = formatLocal(
    { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() },
    false,
  );
  return parts.hasTime ? `${date}T${timePart(local)}` : date;
}

export function addMonths(localDate: string, months: number): string {
  const parts = parseLocal(localDate);
  if (!parts) throw new Error(`Not a local date: ${localDate}`);
  const moved = new Date(Date.UTC(parts.year, parts.month - 1 + months, 1));
  const year = moved.getUTCFullYear();
  const month = moved.getUTCMonth() + 1;
  return formatLocal({ year, month, day: Math.min(parts.day, daysInMonth(year, month)) }, false);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(local: string): number {
  const parts = parseLocal(local);
  if (!parts) throw new Error(`Not a local date: ${local}`);
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
}
