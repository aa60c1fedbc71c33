import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { addDays, datePart } from '../../../shared/events/local-date';
import { formatClock } from '../../../shared/events/event-text';
import type { EventOccurrence } from '../../../shared/model/calendar-event';
import { dayForKey, dayLabel, gridDays, monthLabel, monthOf, WEEKDAY_NAMES } from './calendar-dates';
import { browserTimeZone } from './event-form';
import { occurrenceHere, type OccurrenceHere } from './reader-clock';

interface MonthGridProps {
  month: string;
  today: string;
  /** The day that has keyboard focus (roving tabindex). */
  focusedDay: string;
  occurrences: EventOccurrence[];
  onFocusDay: (day: string) => void;
  onCreate: (day: string) => void;
  onOpen: (occurrence: EventOccurrence) => void;
}

type Placed = OccurrenceHere & { entry: EventOccurrence };

/** The last day an occurrence covers (on the reader's clock), for placing it on every day it spans. */
function lastDayOf({ entry, start, end }: Placed): string {
  if (!end) return datePart(start);
  // A timed event that ends at midnight does not reach into the next day.
  if (!entry.event.allDay && end.endsWith('T00:00') && datePart(end) > datePart(start))
    return addDays(datePart(end), -1);
  return datePart(end);
}

/**
 * A month as an ARIA grid: arrow keys move a day or a week, Home/End to the week's ends,
 * PageUp/PageDown a month; Enter on a day creates an event there. Events show in each day they cover.
 */
export function MonthGrid({
  month,
  today,
  focusedDay,
  occurrences,
  onFocusDay,
  onCreate,
  onOpen,
}: MonthGridProps) {
  const days = useMemo(() => gridDays(month), [month]);
  const byDay = useMemo(() => {
    const readerZone = browserTimeZone();
    const map = new Map<string, Placed[]>();
    for (const entry of occurrences) {
      const placed = { entry, ...occurrenceHere(entry, readerZone) };
      const first = datePart(placed.start);
      const last = lastDayOf(placed);
      for (const day of days)
        if (day >= first && day <= last) map.set(day, [...(map.get(day) ?? []), placed]);
    }
    return map;
  }, [occurrences, days]);
  const grid = useRef<HTMLTableElement>(null);
  const focusRequested = useRef(false);

  useEffect(() => {
    if (!focusRequested.current) return;
    focusRequested.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-day="${focusedDay}"]`)?.focus();
  }, [focusedDay, month]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>, day: string) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onCreate(day);
      return;
    }
    const next = dayForKey(day, event.key);
    if (!next) return;
    event.preventDefault();
    focusRequested.current = true;
    onFocusDay(next);
  };

  const weeks = Array.from({ length: 6 }, (_, week) => days.slice(week * 7, week * 7 + 7));
  return (
    <table className="month-grid" role="grid" aria-label={monthLabel(month)} ref={grid}>
      <thead>
        <tr role="row">
          {WEEKDAY_NAMES.map((name) => (
            <th key={name} role="columnheader" scope="col" abbr={name}>
              {name.slice(0, 3)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week) => (
          <tr role="row" key={week[0]}>
            {week.map((day) => {
              const entries = byDay.get(day) ?? [];
              const outside = monthOf(day) !== month;
              const label = `${dayLabel(day)}${entries.length ? `, ${entries.length} ${entries.length === 1 ? 'event' : 'events'}` : ''}`;
              return (
                <td
                  key={day}
                  role="gridcell"
                  data-day={day}
                  tabIndex={day === focusedDay ? 0 : -1}
                  aria-label={label}
                  aria-selected={day === focusedDay}
                  aria-current={day === today ? 'date' : undefined}
                  className={`month-grid__day${outside ? ' month-grid__day--outside' : ''}${day === today ? ' month-grid__day--today' : ''}`}
                  onClick={(event) => {
                    if ((event.target as HTMLElement).closest('.month-grid__event, .month-grid__set-in'))
                      return;
                    onFocusDay(day);
                    onCreate(day);
                  }}
                  onKeyDown={(event) => onKeyDown(event, day)}
                >
                  <span className="month-grid__number" aria-hidden="true">
                    {Number(day.slice(8, 10))}
                  </span>
                  <ul className="month-grid__events" aria-label={`Events on ${dayLabel(day)}`}>
                    {entries.map(({ entry, start, setIn }) => {
                      const key = `${entry.event.id}-${entry.start}`;
                      // The zone it was set in, said once: on the day it starts here.
                      const setInId = setIn && datePart(start) === day ? `set-in-${day}-${key}` : undefined;
                      return (
                        <li key={key}>
                          <button
                            type="button"
                            className={`month-grid__event${entry.event.allDay ? ' month-grid__event--all-day' : ''}`}
                            tabIndex={day === focusedDay ? 0 : -1}
                            title={
                              entry.event.location
                                ? `${entry.event.title}, ${entry.event.location}`
                                : entry.event.title
                            }
                            aria-describedby={setInId}
                            onClick={() => onOpen(entry)}
                          >
                            {!entry.event.allDay && datePart(start) === day && (
                              <span className="month-grid__time">{formatClock(start)} </span>
                            )}
                            {entry.event.title}
                          </button>
                          {setInId && (
                            <small className="month-grid__set-in" id={setInId}>
                              {setIn}
                            </small>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
