import type { Handlers } from '../../../shared/contract';
import { CoreFailure } from '../../../shared/contract';
import { datePart } from '../../../shared/events/local-date';
import type { CalendarEvent, EventPatch } from '../../../shared/model/calendar-event';
import type { DraftStore } from '../drafts/draft-store';
import type { EventBus } from '../events/event-bus';
import type { Clock } from '../platform/clock';
import type { SettingsStore } from '../settings/settings-store';
import type { Logger } from '../platform/logger';
import { defaultTimeZone } from './default-time-zone';
import { EventStore, notFound } from './event-store';
import { findDraftEvents, localDayOf } from './find-draft-events';
import { eventsToIcs } from './ics-export';
import { importIcs } from './ics-merge';
import { compareOccurrences, occurrencesOf } from './recurrence';

type CalendarHandlers = Pick<
  Handlers,
  | 'events-list'
  | 'events-get'
  | 'events-create'
  | 'events-update'
  | 'events-delete'
  | 'events-restore'
  | 'events-extract'
  | 'events-import'
  | 'events-export'
>;

export interface CalendarDeps {
  dataDir: string;
  drafts: DraftStore;
  settings: SettingsStore;
  clock: Clock;
  logger: Logger;
  events: EventBus;
  /** New events' zone; the machine's by default. */
  timeZone?: string;
}

/** An event's end must not come before its start, and an all-day event has days, not times. */
function checkTimes(event: Pick<CalendarEvent, 'start' | 'end' | 'allDay'>): void {
  const hasTime = (value: string) => value.length > 10;
  if (event.allDay && (hasTime(event.start) || (event.end && hasTime(event.end))))
    throw new CoreFailure('invalid-args', 'An all-day event has dates without times, such as 2009-11-25.');
  if (!event.allDay && !hasTime(event.start))
    throw new CoreFailure(
      'invalid-args',
      'Give the event a start time, such as 2009-11-25T09:30, or make it all day.',
    );
  if (event.end && event.end < event.start)
    throw new CoreFailure('invalid-args', 'The event ends before it starts: choose an end after the start.');
}

export function calendarHandlers(deps: CalendarDeps): CalendarHandlers {
  const store = new EventStore({
    dataDir: deps.dataDir,
    clock: deps.clock,
    logger: deps.logger,
    onQuarantine: (file) => deps.events.emit('calendar-quarantined', { file }),
  });
  const timeZone = deps.timeZone ?? defaultTimeZone();
  const changed = (ids: string[]) => deps.events.emit('events-changed', { ids });

  return {
    'events-list': async ({ from, to }) => {
      if (from && to && to < from) throw new CoreFailure('invalid-args', 'The range ends before it starts.');
      const events = await store.all();
      // The days asked for are the reader's (this machine's zone, as new events take).
      return events.flatMap((event) => occurrencesOf(event, from, to, timeZone)).sort(compareOccurrences);
    },

    'events-get': ({ id }) => store.get(id),

    'events-create': async (fields) => {
      checkTimes(fields);
      const now = deps.clock.now().toISOString();
      const id = store.newId();
      const event: CalendarEvent = {
        ...fields,
        timeZone: fields.timeZone ?? timeZone,
        id,
        uid: `${id}@postwright`,
        exdates: [],
        createdAt: now,
        updatedAt: now,
      };
      await store.mutate((events) => events.set(id, { ...event, deletedAt: null }));
      changed([id]);
      return event;
    },

    'events-update': async ({ id, patch }: { id: string; patch: EventPatch }) => {
      const updated = await store.mutate((events) => {
        const current = events.get(id);
        if (!current || current.deletedAt) throw notFound();
        const next = { ...current, ...patch, updatedAt: deps.clock.now().toISOString() };
        if (patch.allDay !== undefined && patch.allDay !== current.allDay && !patch.start) {
          // Switching to all day keeps the days; switching to timed gives the day a 9 o'clock start.
          next.start = patch.allDay ? datePart(current.start) : `${datePart(current.start)}T09:00`;
          if (current.end) next.end = patch.allDay ? datePart(current.end) : null;
        }
        checkTimes(next);
        events.set(id, next);
        const { deletedAt: _deletedAt, ...event } = next;
        return event;
      });
      changed([id]);
      return updated;
    },

    'events-delete': async ({ id }) => {
      const deleted = await store.mutate((events) => {
        const current = events.get(id);
        if (!current || current.deletedAt) throw notFound();
        events.set(id, { ...current, deletedAt: deps.clock.now().toISOString() });
        const { deletedAt: _deletedAt, ...event } = current;
        return event;
      });
      changed([id]);
      return deleted;
    },

    'events-restore': async ({ id }) => {
      const restored = await store.mutate((events) => {
        const current = events.get(id);
        if (!current) throw notFound();
        events.set(id, { ...current, deletedAt: null });
        const { deletedAt: _deletedAt, ...event } = current;
        return event;
      });
      changed([id]);
      return restored;
    },

    'events-extract': async (args) => {
      const options = { today: deps.clock.now(), dateOrder: deps.settings.get().dateOrder };
      if ('html' in args) return findDraftEvents(args.html, { ...options, postDate: args.postDate });
      const draft = await deps.drafts.get(args.draftId);
      const postDate = draft.publishAt ? localDayOf(new Date(draft.publishAt)) : null;
      return findDraftEvents(draft.html, { ...options, postDate });
    },

    'events-import': async ({ content }) => {
      const result = await importIcs(store, content, {
        timeZone,
        now: deps.clock.now().toISOString(),
      });
      if (result.events.length > 0) changed(result.events.map((event) => event.id));
      return result;
    },

    'events-export': async ({ ids, from, to }) => {
      let events = await store.all();
      if (ids) {
        const wanted = new Set(ids);
        events = events.filter((event) => wanted.has(event.id));
        if (events.length < wanted.size) throw notFound();
      } else if (from || to) {
        events = events.filter((event) => occurrencesOf(event, from, to).length > 0);
      }
      events.sort((a, b) => a.start.localeCompare(b.start));
      return {
        filename: filenameFor(events, ids !== undefined),
        content: eventsToIcs(events, deps.clock.now()),
      };
    },
  };
}

function filenameFor(events: CalendarEvent[], chosen: boolean): string {
  if (chosen && events.length === 1) {
    const slug = events[0]!.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    return `${slug.slice(0, 60) || 'event'}.ics`;
  }
  return 'postwright-events.ics';
}
