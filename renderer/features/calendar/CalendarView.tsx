import { useRef, useState, type ChangeEvent } from 'react';
import type { EventOccurrence } from '../../../shared/model/calendar-event';
import { useCore } from '../../core/CoreContext';
import { downloadText } from '../drafts/download';
import { AgendaList } from './AgendaList';
import { gridDays, monthLabel, monthOf, shiftMonth, todayLocal } from './calendar-dates';
import './calendar.css';
import { EventEditor, type Editing } from './EventEditor';
import { MonthGrid } from './MonthGrid';
import { Toast, useToast } from '../../components/Toast';
import { useOccurrences } from './useOccurrences';
import { explain } from './explain';

type View = 'month' | 'agenda';
const VIEWS: [View, string][] = [
  ['month', 'Month'],
  ['agenda', 'Agenda'],
];

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
  const picker = useRef<HTMLInputElement>(null);

  const open = (entry: EventOccurrence) => {
    setFocusedDay(entry.start.slice(0, 10));
    setEditing({ kind: 'edit', event: entry.event });
  };

  const importFile = async (change: ChangeEvent<HTMLInputElement>) => {
    const file = change.target.files?.[0];
    change.target.value = '';
    if (!file) return;
    try {
      const result = await core.call('events-import', { content: await file.text(), filename: file.name });
      const skipped = result.skipped.map((entry) => ` Skipped “${entry.summary}”: ${entry.reason}.`).join('');
      show({ text: `Imported ${file.name}: ${result.added} added, ${result.updated} updated.${skipped}` });
      const first = [...result.events].sort((a, b) => a.start.localeCompare(b.start))[0];
      if (first) setFocusedDay(first.start.slice(0, 10));
    } catch (failure) {
      show({ tone: 'error', text: explain(failure) });
    }
  };

  const exportRange = async (which: string) => {
    try {
      const file =
        which === 'all'
          ? await core.call('events-export', {})
          : await core.call('events-export', {
              from: `${month}-01`,
              to: days.filter((day) => monthOf(day) === month).at(-1),
            });
      downloadText(which === 'all' ? file.filename : `events-${month}.ics`, file.content, 'text/calendar');
    } catch (failure) {
      show({ tone: 'error', text: explain(failure) });
    }
  };

  return (
    <div className={`calendar${editing ? ' calendar--editing' : ''}`}>
      <section className="calendar__main" aria-labelledby="calendar-title">
        <header className="calendar__header">
          <h1 id="calendar-title">Calendar</h1>
          <div className="calendar__views" role="group" aria-label="View">
            {VIEWS.map(([name, label]) => (
              <button
                key={name}
                type="button"
                className="button"
                aria-pressed={view === name}
                onClick={() => setView(name)}
              >
                {label}
              </button>
            ))}
          </div>
          <span className="calendar__spacer" />
          <div className="calendar__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing({ kind: 'new', day: focusedDay })}
            >
              New event
            </button>
            <button type="button" className="button" onClick={() => picker.current?.click()}>
              Import .ics…
            </button>
            <input
              ref={picker}
              type="file"
              accept=".ics,text/calendar"
              hidden
              onChange={(change) => void importFile(change)}
              aria-label="Import .ics file"
            />
            <select
              className="calendar__export"
              aria-label="Export"
              value=""
              onChange={(change) => void exportRange(change.target.value)}
            >
              <option value="" disabled>
                Export…
              </option>
              <option value="month">{monthLabel(month)} (.ics)</option>
              <option value="all">All events (.ics)</option>
            </select>
          </div>
        </header>
        {view === 'month' ? (
          <>
            <nav className="calendar__nav" aria-label="Month">
              <button
                type="button"
                className="button"
                aria-label="Previous month"
                onClick={() => setFocusedDay(`${shiftMonth(month, -1)}-01`)}
              >
                ‹
              </button>
              <button type="button" className="button" onClick={() => setFocusedDay(today)}>
                Today
              </button>
              <button
                type="button"
                className="button"
                aria-label="Next month"
                onClick={() => setFocusedDay(`${shiftMonth(month, 1)}-01`)}
              >
                ›
              </button>
              <h2 className="calendar__month" aria-live="polite">
                {monthLabel(month)}
              </h2>
              <label className="calendar__jump">
                <span className="muted">Go to</span>
                <input
                  type="month"
                  aria-label="Go to month"
                  value={month}
                  onChange={(change) => change.target.value && setFocusedDay(`${change.target.value}-01`)}
                />
              </label>
            </nav>
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
          <AgendaList today={today} onOpen={open} />
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
