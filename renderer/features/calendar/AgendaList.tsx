import { formatEventLine } from '../../../shared/events/event-text';
import { addDays } from '../../../shared/events/local-date';
import type { EventOccurrence } from '../../../shared/model/calendar-event';
import { useListKeyboard } from '../../components/useListKeyboard';
import { browserTimeZone } from './event-form';
import { whenHere } from './reader-clock';
import { useOccurrences } from './useOccurrences';

type RowProps = ReturnType<typeof useListKeyboard>['rowProps'];

function AgendaItems({
  entries,
  firstIndex,
  rowProps,
  onOpen,
}: {
  entries: EventOccurrence[];
  /** Where these rows start in the agenda's one keyboard list (upcoming, then past). */
  firstIndex: number;
  rowProps: RowProps;
  onOpen: (entry: EventOccurrence) => void;
}) {
  const readerZone = browserTimeZone();
  return (
    <ul className="agenda__list">
      {entries.map((entry, index) => {
        const here = whenHere(entry, readerZone);
        return (
          <li key={`${entry.event.id}-${entry.start}`}>
            <button
              type="button"
              className="agenda__item"
              {...rowProps(firstIndex + index)}
              onClick={() => onOpen(entry)}
            >
              <span className="agenda__title">
                {entry.event.title}
                {entry.event.rrule && <span className="agenda__repeats"> · repeats</span>}
              </span>
              <span className="agenda__when">
                {formatEventLine({ ...entry.event, start: entry.start, end: entry.end })}
              </span>
              {here && <span className="agenda__when">{here}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/**
 * Upcoming events first (each once, at its next occurrence), then past ones, most recent first.
 * One tab stop for both: arrows move, Enter opens an event, Delete deletes it (with Undo), letters jump.
 */
export function AgendaList({
  today,
  onOpen,
  onDelete,
}: {
  today: string;
  onOpen: (entry: EventOccurrence) => void;
  onDelete: (entry: EventOccurrence) => void;
}) {
  const upcoming = useOccurrences({ from: today });
  const past = useOccurrences({ to: addDays(today, -1) });
  const earlier = [...(past.occurrences ?? [])].filter((entry) => !entry.event.rrule).reverse();
  const all = [...(upcoming.occurrences ?? []), ...earlier];
  const { containerRef, onKeyDown, rowProps } = useListKeyboard({
    count: all.length,
    labelAt: (index) => all[index]?.event.title ?? null,
    onDelete: (index) => {
      const entry = all[index];
      if (entry) onDelete(entry);
    },
  });
  const error = upcoming.error ?? past.error;
  if (error)
    return (
      <p className="notice notice--warn" role="alert">
        The calendar could not be loaded: {error}
      </p>
    );
  if (!upcoming.occurrences || !past.occurrences) return <p className="muted">Loading…</p>;
  const upcomingCount = upcoming.occurrences.length;
  return (
    <div className="agenda" ref={containerRef} onKeyDown={onKeyDown}>
      <section aria-labelledby="agenda-upcoming">
        <h2 id="agenda-upcoming">Upcoming</h2>
        {upcoming.occurrences.length ? (
          <AgendaItems entries={upcoming.occurrences} firstIndex={0} rowProps={rowProps} onOpen={onOpen} />
        ) : (
          <p className="muted">Nothing planned. Click a day in the month view to add an event.</p>
        )}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="agenda-past">
          <h2 id="agenda-past">Past</h2>
          <AgendaItems entries={earlier} firstIndex={upcomingCount} rowProps={rowProps} onOpen={onOpen} />
        </section>
      )}
    </div>
  );
}
