import * as z from 'zod';
import { method } from './define';
import type { FoundEvent } from '../events/extract-events';
import {
  dayRangeSchema,
  eventFieldsSchema,
  eventPatchSchema,
  type CalendarEvent,
  type EventImportResult,
  type EventOccurrence,
} from '../model/calendar-event';

const id = z.string().min(1).max(100);
const postDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date, like 2009-11-16');

export const calendarMethods = {
  /**
   * Events overlapping the range (both ends included), earliest first. Recurring events give one
   * entry per occurrence in the range; without `to`, each event appears once, at its next
   * occurrence on or after `from`.
   */
  'events-list': method(dayRangeSchema.strict()).returns<EventOccurrence[]>(),
  'events-get': method(z.object({ id }).strict()).returns<CalendarEvent>(),
  'events-create': method(eventFieldsSchema.strict()).returns<CalendarEvent>(),
  'events-update': method(z.object({ id, patch: eventPatchSchema }).strict()).returns<CalendarEvent>(),
  /** Deleted events are kept for 30 days so `events-restore` can undo the delete. */
  'events-delete': method(z.object({ id }).strict()).returns<CalendarEvent>(),
  'events-restore': method(z.object({ id }).strict()).returns<CalendarEvent>(),
  /**
   * Events a post announces: a saved draft's, or the open editor's body as HTML with its post date
   * (null while it has none). Both are read by one detector, so the CLI and the app agree.
   */
  'events-extract': method(
    z.union([
      z.object({ draftId: id }).strict(),
      z.object({ html: z.string().max(50_000_000), postDate: postDate.nullable() }).strict(),
    ]),
  ).returns<FoundEvent[]>(),
  /** Reads an .ics file's text: known UIDs are updated, new ones added. */
  'events-import': method(
    z.object({ content: z.string().max(20_000_000), filename: z.string().max(500).optional() }).strict(),
  ).returns<EventImportResult>(),
  /** An .ics calendar of the given events, or of those in a range, or of all. */
  'events-export': method(
    dayRangeSchema.extend({ ids: z.array(id).max(10_000).optional() }).strict(),
  ).returns<{ filename: string; content: string }>(),
};

export interface CalendarEvents {
  /** Events were created, changed, deleted, restored or imported: views reload. */
  'events-changed': { ids: string[] };
  /** The calendar file could not be read; it was moved to `file` and the calendar started empty. */
  'calendar-quarantined': { file: string };
}
