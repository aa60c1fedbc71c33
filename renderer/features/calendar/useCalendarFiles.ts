import type { ChangeEvent } from 'react';
import type { ToastMessage } from '../../components/Toast';
import { useCore } from '../../core/CoreContext';
import { downloadText } from '../drafts/download';
import { monthOf } from './calendar-dates';
import { explain } from './explain';

/**
 * .ics in and out: an imported file says what it added and skipped and shows its first event's
 * month; the export is the month on screen or every event.
 */
export function useCalendarFiles(
  month: string,
  days: string[],
  show: (toast: ToastMessage | null) => void,
  onShowDay: (day: string) => void,
) {
  const core = useCore();
  const importFile = async (change: ChangeEvent<HTMLInputElement>) => {
    const file = change.target.files?.[0];
    change.target.value = '';
    if (!file) return;
    try {
      const result = await core.call('events-import', { content: await file.text(), filename: file.name });
      const skipped = result.skipped.map((entry) => ` Skipped “${entry.summary}”: ${entry.reason}.`).join('');
      show({ text: `Imported ${file.name}: ${result.added} added, ${result.updated} updated.${skipped}` });
      const first = [...result.events].sort((a, b) => a.start.localeCompare(b.start))[0];
      if (first) onShowDay(first.start.slice(0, 10));
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

  return { importFile, exportRange };
}
