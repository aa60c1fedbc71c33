import { useRef, useState, type FormEvent } from 'react';
import { usePanelFocus } from '../../components/usePanelFocus';
import { eventBlockHtml } from '../../../shared/events/event-html';
import type { CalendarEvent } from '../../../shared/model/calendar-event';
import { useCore } from '../../core/CoreContext';
import { downloadText } from '../drafts/download';
import { deleteEventWithUndo } from './delete-event';
import { EventForm } from './EventForm';
import { emptyForm, fieldsFromForm, formFromEvent, type EventFormValues } from './event-form';
import type { ToastMessage } from '../../components/Toast';
import { explain } from './explain';

export type Editing = { kind: 'new'; day: string } | { kind: 'edit'; event: CalendarEvent };

/** The side panel: edit an event (or make one), delete it, export it, or start a post from it. */
export function EventEditor({
  editing,
  onClose,
  onToast,
}: {
  editing: Editing;
  onClose: () => void;
  onToast: (toast: ToastMessage) => void;
}) {
  const core = useCore();
  const [values, setValues] = useState<EventFormValues>(() =>
    editing.kind === 'new' ? emptyForm(editing.day) : formFromEvent(editing.event),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const event = editing.kind === 'edit' ? editing.event : null;
  const panel = useRef<HTMLElement>(null);
  const { onKeyDown } = usePanelFocus(panel, onClose);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(explain(error));
    } finally {
      setBusy(false);
    }
  };

  const save = (submit: FormEvent) => {
    submit.preventDefault();
    void run(async () => {
      const fields = fieldsFromForm(values);
      if (event) await core.call('events-update', { id: event.id, patch: fields });
      else await core.call('events-create', fields);
      onClose();
    });
  };

  const remove = () =>
    void run(async () => {
      if (!event) return;
      await deleteEventWithUndo(core, event, onToast);
      onClose();
    });

  const exportOne = () =>
    void run(async () => {
      if (!event) return;
      const file = await core.call('events-export', { ids: [event.id] });
      downloadText(file.filename, file.content, 'text/calendar');
    });

  const newPost = () =>
    void run(async () => {
      if (!event) return;
      const draft = await core.call('drafts-create', { title: event.title, html: eventBlockHtml(event) });
      await core.call('events-update', { id: event.id, patch: { mentions: [...event.mentions, draft.id] } });
      onToast({ text: `A new draft, “${draft.title}”, is waiting in Drafts with the event in it.` });
    });

  return (
    <aside
      ref={panel}
      className="side-panel event-editor"
      aria-labelledby="event-editor-title"
      onKeyDown={onKeyDown}
    >
      <form onSubmit={save}>
        <header className="event-editor__header">
          <h2 id="event-editor-title">{event ? 'Edit event' : 'New event'}</h2>
          <button
            type="button"
            className="icon-button event-editor__close"
            aria-label="Close the event"
            onClick={onClose}
          >
            ×
          </button>
        </header>
        {event?.rrule && (
          <p className="muted event-editor__repeats">
            Repeats ({event.rrule}); changes apply to every occurrence.
          </p>
        )}
        <EventForm values={values} onChange={setValues} focusTitle={editing.kind === 'new'} />
        {problem && (
          <p className="notice notice--warn" role="alert">
            {problem}
          </p>
        )}
        <div className="event-editor__actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            Save
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
        {event && (
          <div className="event-editor__more">
            <button type="button" className="button" onClick={newPost} disabled={busy}>
              New post from event
            </button>
            <button type="button" className="button" onClick={exportOne} disabled={busy}>
              Export .ics
            </button>
            <button type="button" className="button event-editor__delete" onClick={remove} disabled={busy}>
              Delete
            </button>
          </div>
        )}
      </form>
    </aside>
  );
}
