import { useState, type DragEvent } from 'react';
import { addDaysTo, dayIn, periodContaining } from '../../../../shared/digest/cadence';
import type { DayRange } from '../../../../shared/model/digest-schedule';
import { useCore } from '../../../core/CoreContext';
import { rangeText } from './schedule-text';
import { useCadence } from './useCadence';
import './schedule.css';

/** What a link row carries when dragged inside the app: "<id> <addedAt>". */
export const LINK_DRAG_TYPE = 'application/x-postwright-link';

/** The same time of day on another day, in the author's zone: a moved link keeps its hour. */
export function movedTo(day: string, addedAt: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const moved = new Date(addedAt);
  moved.setFullYear(year, month - 1, date);
  return moved.toISOString();
}

const SHOWN = 4;

/**
 * The digest periods of the first schedule, this one and the three before it, as places to drop
 * a link from the list: the link is re-dated to the period's first day and so goes in its digest.
 * Shown only where a schedule exists.
 */
export function PeriodDrops() {
  const core = useCore();
  const [state] = useCadence();
  const [over, setOver] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const status = state?.schedules[0];
  if (!state || !status) return null;
  const periods: DayRange[] = [status.next];
  while (periods.length < SHOWN)
    periods.push(periodContaining(status.schedule, addDaysTo(periods[periods.length - 1]!.from, -1)));
  const today = dayIn(new Date(), state.timeZone);

  const drop = (period: DayRange) => async (event: DragEvent) => {
    event.preventDefault();
    setOver(null);
    const [id, addedAt] = event.dataTransfer.getData(LINK_DRAG_TYPE).split(' ');
    if (!id || !addedAt) return;
    setProblem(null);
    try {
      await core.call('inbox-update', { id, patch: { addedAt: movedTo(period.from, addedAt) } });
    } catch (error) {
      setProblem((error as Error).message);
    }
  };

  return (
    <div className="period-drops">
      <span className="muted">Drag a link onto a digest period to move it there:</span>
      <ul className="period-drops__list" aria-label="Digest periods">
        {periods.map((period) => (
          <li
            key={period.from}
            className={`period-drops__period${over === period.from ? ' period-drops__period--over' : ''}`}
            data-drop-zone="digest-period"
            onDragOver={(event) => {
              if (!event.dataTransfer.types.includes(LINK_DRAG_TYPE)) return;
              event.preventDefault();
              event.dataTransfer.dropEffect = 'move';
              setOver(period.from);
            }}
            onDragLeave={() => setOver(null)}
            onDrop={(event) => void drop(period)(event)}
          >
            {period.from <= today && today <= period.to ? 'This period: ' : ''}
            {rangeText(period)}
          </li>
        ))}
      </ul>
      {problem && (
        <p className="notice notice--warn" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
