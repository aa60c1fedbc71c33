import ICAL from 'ical.js';
import { instantToLocal, offsetMinutes } from '../../../shared/events/time-zone';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function utcOffset(minutes: number): ICAL.UtcOffset {
  const abs = Math.abs(minutes);
  return new ICAL.UtcOffset({ hours: Math.floor(abs / 60), minutes: abs % 60, factor: minutes < 0 ? -1 : 1 });
}

function localTime(local: string): ICAL.Time {
  const [date, time = '00:00'] = local.split('T') as [string, string?];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return ICAL.Time.fromData({ year, month, day, hour, minute, second: 0, isDate: false });
}

/** The instants (to the minute) within [fromMs, toMs) where the zone's offset changes. */
function transitions(timeZone: string, fromMs: number, toMs: number): number[] {
  const found: number[] = [];
  let before = offsetMinutes(timeZone, fromMs);
  for (let at = fromMs + DAY; at <= toMs; at += DAY) {
    const now = offsetMinutes(timeZone, at);
    if (now === before) continue;
    let [low, high] = [at - DAY, at];
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 120_000) * 60_000;
      if (offsetMinutes(timeZone, middle) === before) low = middle;
      else high = middle;
    }
    found.push(high);
    before = now;
  }
  return found;
}

/**
 * A VTIMEZONE for an IANA zone built from the platform's time-zone data, covering the given years:
 * one observance per clock change, so any reader (ical.js, Outlook, Google) converts the event's
 * local times exactly as this computer does.
 */
export function buildVTimezone(timeZone: string, fromYear: number, toYear: number): ICAL.Component {
  const zone = new ICAL.Component('vtimezone');
  zone.addPropertyWithValue('tzid', timeZone);
  const fromMs = Date.UTC(fromYear, 0, 1);
  const changes = transitions(timeZone, fromMs, Date.UTC(toYear + 1, 0, 1));
  const offsets = changes.map((at) => offsetMinutes(timeZone, at));
  const standardOffset = Math.min(offsetMinutes(timeZone, fromMs), ...offsets);
  const first = offsetMinutes(timeZone, fromMs);
  const add = (kind: 'standard' | 'daylight', startLocal: string, from: number, to: number) => {
    const observance = new ICAL.Component(kind);
    observance.addPropertyWithValue('dtstart', localTime(startLocal));
    observance.addPropertyWithValue('tzoffsetfrom', utcOffset(from));
    observance.addPropertyWithValue('tzoffsetto', utcOffset(to));
    zone.addSubcomponent(observance);
  };
  add(first > standardOffset ? 'daylight' : 'standard', `${fromYear}-01-01T00:00`, first, first);
  let previous = first;
  for (const at of changes) {
    const next = offsetMinutes(timeZone, at);
    // DTSTART is the local time the change happens at, on the clock as it read before the change.
    add(next > standardOffset ? 'daylight' : 'standard', shiftLocal(at, previous), previous, next);
    previous = next;
  }
  return zone;
}

/** The wall-clock reading at an instant for a fixed offset. */
function shiftLocal(instantMs: number, offset: number): string {
  return instantToLocal(instantMs + offset * 60_000, 'UTC');
}
