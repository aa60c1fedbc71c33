import { formatEventLine } from '../../../shared/events/event-text';
import { addDays } from '../../../shared/events/local-date';
import type { EventOccurrence } from '../../../shared/model/calendar-event';
import { useOccurrences } from './useOccurrences';

function AgendaItems({
  entries,
  onOpen,
}: {
  entries: EventOccurrence[];
  onOpen: (entry: EventOccurrence) => void;
}) {
  return (
    <ul className="agenda__list">
      {entries.map((entry) => (
        <li key={`${entry.event.id}-${entry.start}`}>
          <button type="button" className="agenda__item" onClick={() => onOpen(entry)}>
            <span className="agenda__title">
              {entry.event.title}
              {entry.event.rrule && <span className="agenda__repeats"> · repeats</span>}
            </span>
            <span className="agenda__when">
              {formatEventLine({ ...entry.event, start: entry.start, end: entry.end })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** Upcoming events first (each once, at its next occurrence), then past ones, most recent first. */
export function AgendaList({ today, onOpen }: { today: string; onOpen: (entry: EventOccurrence) => void }) {
  const upcoming = useOccurrences({ from: today });
  const past = useOccurrences({ to: addDays(today, -1) });
  const error = upcoming.error ?? past.error;
  if (error)
    return (
      <p className="notice notice--warn" role="alert">
        The calendar could not be loaded: {error}
      </p>
    );
  if (!upcoming.occurrences || !past.occurrences) return <p className="muted">Loading…</p>;
  const earlier = [...past.occurrences].filter((entry) => !entry.event.rrule).reverse();
  return (
    <div className="agenda">
      <section aria-labelledby="agenda-upcoming">
        <h2 id="agenda-upcoming">Upcoming</h2>
        {upcoming.occurrences.length ? (
          <AgendaItems entries={upcoming.occurrences} onOpen={onOpen} />
        ) : (
          <p className="muted">Nothing planned. Click a day in the month view to add an event.</p>
        )}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="agenda-past">
          <h2 id="agenda-past">Past</h2>
          <AgendaItems entries={earlier} onOpen={onOpen} />
        </section>
      )}
    </div>
  );
}
