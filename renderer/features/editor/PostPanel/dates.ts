import { formatOffset } from '../../../../shared/events/time-zone';

/** `…+13:00` or `…-08:00` at the end of an ISO date-time: the zone it was set in. */
const OFFSET = /([+-])(\d{2}):(\d{2})$/;
const WALL_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/;

const pad = (value: number) => String(value).padStart(2, '0');

function offsetOf(iso: string): number | null {
  const match = OFFSET.exec(iso);
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * An ISO date as the value of a datetime-local field. A date with an offset (the CLI's
 * `--date`, and what this panel saves) shows the day and time it was set to, wherever it is
 * read; one in UTC (`Z`, older drafts) shows in the author's time zone.
 */
export function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const wall = WALL_TIME.exec(iso);
  if (wall && offsetOf(iso) !== null) return `${wall[1]}T${wall[2]}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * A datetime-local value back to ISO 8601 with an offset; empty means "when published". It keeps
 * the zone of the date it replaces, so editing a post dated elsewhere does not move it; a new
 * date takes the author's zone.
 */
export function fromLocalInput(value: string, previous: string | null = null): string | null {
  if (!value) return null;
  const local = new Date(value);
  if (Number.isNaN(local.getTime())) return null;
  const kept = previous ? offsetOf(previous) : null;
  const offset = kept ?? -local.getTimezoneOffset();
  return `${value.slice(0, 16)}:00${formatOffset(offset)}`;
}

/**
 * The zone a date was set in, as `UTC+13:00`, when it is not the author's own at that moment (so
 * the time shown is not mistaken for local time); null otherwise.
 */
export function zoneNote(iso: string | null): string | null {
  const offset = iso ? offsetOf(iso) : null;
  if (offset === null) return null;
  const here = -new Date(iso!).getTimezoneOffset();
  return offset === here ? null : `UTC${formatOffset(offset)}`;
}

/** What a slug would be made of a title: lower case, words joined by hyphens. */
export function slugFromTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

export function isInFuture(iso: string | null): boolean {
  return iso !== null && new Date(iso).getTime() > Date.now();
}
