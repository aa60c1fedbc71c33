import { describe, expect, it } from 'vitest';
import { occurrenceHere, whenHere } from '../../renderer/features/calendar/reader-clock';
import type { CalendarEvent, EventOccurrence } from '../../shared/model/calendar-event';

function occurrence(fields: Partial<CalendarEvent> & Pick<CalendarEvent, 'start'>): EventOccurrence {
  const event: CalendarEvent = {
    id: 'e1',
    uid: 'e1@postwright',
    title: 'Evening talk',
    end: null,
    allDay: false,
    timeZone: 'Pacific/Auckland',
    location: '',
    url: '',
    description: '',
    rrule: null,
    exdates: [],
    mentions: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields,
  };
  return { event, start: event.start, end: event.end };
}

describe('an event on the reader’s clock (issue 12, item 8)', () => {
  it('moves a timed event from another zone to the day and time it falls here, and names where it was set', () => {
    const talk = occurrence({ start: '2026-03-05T20:00', end: '2026-03-05T22:00' });
    expect(occurrenceHere(talk, 'America/Los_Angeles')).toEqual({
      start: '2026-03-04T23:00',
      end: '2026-03-05T01:00',
      setIn: 'Thursday 5 March, 20.00 Pacific/Auckland',
    });
    expect(whenHere(talk, 'America/Los_Angeles')).toBe(
      'Pacific/Auckland time; here Wednesday 4 March 2026, 23.00',
    );
  });

  it('says nothing of the zone at home, for an all-day event, or where the clocks agree', () => {
    const talk = occurrence({ start: '2026-03-05T20:00' });
    expect(occurrenceHere(talk, 'Pacific/Auckland').setIn).toBeNull();
    expect(occurrenceHere(occurrence({ start: '2026-03-05', allDay: true }), 'America/Los_Angeles')).toEqual({
      start: '2026-03-05',
      end: null,
      setIn: null,
    });
    // London keeps UTC's clock in winter, not in summer.
    const winter = occurrence({ start: '2026-01-15T10:00', timeZone: 'Europe/London' });
    const summer = occurrence({ start: '2026-07-15T10:00', timeZone: 'Europe/London' });
    expect(whenHere(winter, 'UTC')).toBeNull();
    expect(occurrenceHere(summer, 'UTC')).toMatchObject({ start: '2026-07-15T09:00' });
    expect(whenHere(summer, 'UTC')).toBe('Europe/London time; here Wednesday 15 July 2026, 9.00');
  });
});
