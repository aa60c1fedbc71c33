import * as z from 'zod';
import { isLocalIso, parseLocal } from '../events/local-date';
import { isValidTimeZone } from '../events/time-zone';

/**
 * An event in the calendar. `start`/`end` are local ISO text in the event's `timeZone`:
 * `2009-11-25` for an all-day event, `2009-11-25T09:30` for a timed one. An all-day event's `end`
 * is its last day (inclusive), as people say it; .ics files get the exclusive form on export.
 */
export interface CalendarEvent {
  id: string;
  /** Stable across .ics export and import: an event with a known UID is updated, not added again. */
  uid: string;
  title: string;
  start: string;
  end: string | null;
  allDay: boolean;
  /** IANA name, e.g. Europe/London. */
  timeZone: string;
  location: string;
  url: string;
  description: string;
  /** RFC 5545 recurrence rule without the `RRULE:` prefix, e.g. `FREQ=WEEKLY;COUNT=4`. */
  rrule: string | null;
  /** Occurrences a recurring event skips (local ISO, like start). */
  exdates: string[];
  /** Draft ids and post URLs that mention the event. */
  mentions: string[];
  createdAt: string;
  updatedAt: string;
}

/** One showing of an event in a range: a recurring event gives one per occurrence. */
export interface EventOccurrence {
  event: CalendarEvent;
  start: string;
  end: string | null;
}

const localDate = z.string().refine((value) => parseLocal(value)?.hasTime === false, {
  message: 'a date, like 2009-11-25',
});
const localDateOrTime = z.string().refine(isLocalIso, {
  message: 'a date, like 2009-11-25, or a date and time, like 2009-11-25T09:30',
});
const timeZone = z.string().refine(isValidTimeZone, {
  message: 'a name like Europe/London',
});

/** What the author can set; the core fills id, uid and dates. */
export const eventFieldsSchema = z.object({
  title: z.string().trim().min(1, 'An event needs a title.').max(500),
  start: localDateOrTime,
  end: localDateOrTime.nullable().default(null),
  allDay: z.boolean().default(false),
  timeZone: timeZone.optional(),
  location: z.string().max(500).default(''),
  url: z.string().max(2000).default(''),
  description: z.string().max(100_000).default(''),
  rrule: z
    .string()
    .max(1000)
    .regex(/^FREQ=[A-Z]+(;[A-Z-]+=[^;\s]+)*$/i, 'A repeat rule looks like FREQ=WEEKLY;COUNT=4.')
    .nullable()
    .default(null),
  mentions: z.array(z.string().min(1).max(2000)).max(1000).default([]),
});
export type EventFields = z.infer<typeof eventFieldsSchema>;

export const eventPatchSchema = eventFieldsSchema.partial().strict();
export type EventPatch = z.infer<typeof eventPatchSchema>;

/** A range of days, both ends included. */
export const dayRangeSchema = z.object({ from: localDate.optional(), to: localDate.optional() });

/** The result of reading an .ics file. */
export interface EventImportResult {
  added: number;
  updated: number;
  /** Components that could not become events, each with the reason. */
  skipped: { summary: string; reason: string }[];
  events: CalendarEvent[];
}
