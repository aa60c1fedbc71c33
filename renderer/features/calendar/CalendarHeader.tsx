import { useRef, type ChangeEvent } from 'react';
import { monthLabel, shiftMonth } from './calendar-dates';

export type View = 'month' | 'agenda';
const VIEWS: [View, string][] = [
  ['month', 'Month'],
  ['agenda', 'Agenda'],
];

/** The Calendar heading: month or agenda, New event, and .ics in and out. */
export function CalendarHeader({
  view,
  onView,
  month,
  onNewEvent,
  onImport,
  onExport,
}: {
  view: View;
  onView: (view: View) => void;
  month: string;
  onNewEvent: () => void;
  onImport: (change: ChangeEvent<HTMLInputElement>) => void;
  onExport: (which: string) => void;
}) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <header className="calendar__header">
      <h1 id="calendar-title">Calendar</h1>
      <div className="calendar__views" role="group" aria-label="View">
        {VIEWS.map(([name, label]) => (
          <button
            key={name}
            type="button"
            className="button"
            aria-pressed={view === name}
            onClick={() => onView(name)}
          >
            {label}
          </button>
        ))}
      </div>
      <span className="calendar__spacer" />
      <div className="calendar__actions">
        <button type="button" className="button button--primary" onClick={onNewEvent}>
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
          onChange={onImport}
          aria-label="Import .ics file"
        />
        <select
          className="calendar__export"
          aria-label="Export"
          value=""
          onChange={(change) => onExport(change.target.value)}
        >
          <option value="" disabled>
            Export…
          </option>
          <option value="month">{monthLabel(month)} (.ics)</option>
          <option value="all">All events (.ics)</option>
        </select>
      </div>
    </header>
  );
}

/** Moving between months: back, today, forward, or straight to one. */
export function MonthNav({
  month,
  today,
  onShowDay,
}: {
  month: string;
  today: string;
  onShowDay: (day: string) => void;
}) {
  return (
    <nav className="calendar__nav" aria-label="Month">
      <button
        type="button"
        className="button"
        aria-label="Previous month"
        onClick={() => onShowDay(`${shiftMonth(month, -1)}-01`)}
      >
        ‹
      </button>
      <button type="button" className="button" onClick={() => onShowDay(today)}>
        Today
      </button>
      <button
        type="button"
        className="button"
        aria-label="Next month"
        onClick={() => onShowDay(`${shiftMonth(month, 1)}-01`)}
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
          onChange={(change) => change.target.value && onShowDay(`${change.target.value}-01`)}
        />
      </label>
    </nav>
  );
}
