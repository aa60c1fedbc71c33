import type { CalendarEvent, EventFields } from '../../../shared/model/calendar-event';

/** The side panel's fields: dates and times apart, as the inputs hold them. */
export interface EventFormValues {
  title: string;
  allDay: boolean;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  timeZone: string;
  location: string;
  url: string;
  description: string;
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/London';
}

export function emptyForm(day: string): EventFormValues {
  return {
    title: '',
    allDay: false,
    startDate: day,
    startTime: '09:00',
    endDate: day,
    endTime: '10:00',
    timeZone: browserTimeZone(),
    location: '',
    url: '',
    description: '',
  };
}

/** Prefills the form from an event, or from an event found in a post (start/end as local ISO). */
export function formFromEvent(
  event: Pick<CalendarEvent, 'title' | 'start' | 'end' | 'allDay' | 'location'> &
    Partial<Pick<CalendarEvent, 'timeZone' | 'url' | 'description'>>,
): EventFormValues {
  const startDate = event.start.slice(0, 10);
  const startTime = event.allDay ? '09:00' : event.start.slice(11, 16);
  const end = event.end ?? (event.allDay ? event.start : null);
  return {
    title: event.title,
    allDay: event.allDay,
    startDate,
    startTime,
    endDate: end ? end.slice(0, 10) : startDate,
    // A timed event without an end shows an hour, the length most events have.
    endTime: end && !event.allDay ? end.slice(11, 16) : nextHour(startTime),
    timeZone: event.timeZone ?? browserTimeZone(),
    location: event.location,
    url: event.url ?? '',
    description: event.description ?? '',
  };
}

function nextHour(time: string): string {
  const hour = Math.min(23, Number(time.slice(0, 2)) + 1);
  return `${String(hour).padStart(2, '0')}:${time.slice(3, 5)}`;
}

/**
 * The fields the form edits, for `events-create`/`events-update` (which check them and explain
 * what is wrong). A repeat rule and the posts that mention the event are not the form's to change.
 */
export function fieldsFromForm(values: EventFormValues): Omit<EventFields, 'rrule' | 'mentions'> {
  const start = values.allDay ? values.startDate : `${values.startDate}T${values.startTime}`;
  const endDate = values.endDate || values.startDate;
  const end = values.allDay
    ? endDate === values.startDate
      ? null
      : endDate
    : `${endDate}T${values.endTime || values.startTime}`;
  return {
    title: values.title,
    start,
    end,
    allDay: values.allDay,
    timeZone: values.timeZone,
    location: values.location.trim(),
    url: values.url.trim(),
    description: values.description,
  };
}
