import { useState } from 'react';
import type { EventOccurrence } from '../../../shared/model/calendar-event';
import { useCore } from '../../core/CoreContext';
import { AgendaList } from './AgendaList';
import { deleteEventWithUndo } from './delete-event';
import { gridDays, monthOf, todayLocal } from './calendar-dates';
import { CalendarHeader, MonthNav, type View } from './CalendarHeader';
import './calendar.css';
import { EventEditor, type Editing } from './EventEditor';
import { MonthGrid } from './MonthGrid';
import { Toast, useToast } from '../../components/Toast';
import { useOccurrences } from './useOccurrences';
import { explain } from './explain';
import { useCalendarFiles } from './useCalendarFiles';

/** The Calendar section: a month grid or an agenda, the event side panel, .ics in and out. */
export default function CalendarView() {
  const core = useCore();
  const today = todayLocal();
  const [view, setView] = useState<View>('month');
  const [focusedDay, setFocusedDay] = useState(today);
  const month = monthOf(focusedDay);
  const days = gridDays(month);
  const { occurrences, error } = useOccurrences({ from: days[0], to: days[days.length - 1] });
  const [editing, setEditing] = useState<Editing | null>(null);
  const [toast, show] = useToast();

  const open = (entry: EventOccurrence) => {
    setFocusedDay(entry.start.slice(0, 10));
    setEditing({ kind: 'edit', event: entry.event });
  };

  const remove = (entry: EventOccurrence) =>
    deleteEventWithUndo(core, entry.event, show).then(
      () =>
        setEditing((current) =>
          current?.kind === 'edit' && current.event.id === entry.event.id ? null : current,
        ),
      (failure: unknown) => show({ tone: 'error', text: explain(failure) }),
    );

  const { importFile, exportRange } = useCalendarFiles(month, days, show, setFocusedDay);

  return (
    <div className={`calendar${editing ? ' calendar--editing' : ''}`}>
      <section className="calendar__main" aria-labelledby="calendar-title">
        <CalendarHeader
          view={view}
          onView={setView}
          month={month}
          onNewEvent={() => setEditing({ kind: 'new', day: focusedDay })}
          onImport={(change) => void importFile(change)}
          onExport={(which) => void exportRange(which)}
        />
        {view === 'month' ? (
          <>
            <MonthNav month={month} today={today} onShowDay={setFocusedDay} />
            {error && (
              <p className="notice notice--warn" role="alert">
                The calendar could not be loaded: {error}
              </p>
            )}
            <MonthGrid
              month={month}
              today={today}
              focusedDay={focusedDay}
              occurrences={occurrences ?? []}
              onFocusDay={setFocusedDay}
              onCreate={(day) => setEditing({ kind: 'new', day })}
              onOpen={open}
            />
          </>
        ) : (
          <AgendaList today={today} onOpen={open} onDelete={(entry) => void remove(entry)} />
        )}
      </section>
      {editing && (
        <EventEditor
          key={editing.kind === 'edit' ? editing.event.id : `new-${editing.day}`}
          editing={editing}
          onClose={() => setEditing(null)}
          onToast={show}
        />
      )}
      <div className="toast-dock">
        <Toast toast={toast} onDismiss={() => show(null)} />
      </div>
    </div>
  );
}
