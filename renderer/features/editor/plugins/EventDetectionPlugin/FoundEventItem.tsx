import { useState, type FormEvent } from 'react';
import { formatEventLine } from '../../../../../shared/events/event-text';
import type { FoundEvent } from '../../../../../shared/events/extract-events';
import type { CalendarEvent } from '../../../../../shared/model/calendar-event';
import { EventForm } from '../../../calendar/EventForm';
import { fieldsFromForm, formFromEvent, type EventFormValues } from '../../../calendar/event-form';
import { explain } from '../../../calendar/explain';
import { FormFooter } from './FormFooter';

/** One date found in the post: add it to the calendar (after checking the details) or insert it as a block. */
export function FoundEventItem({
  found,
  saved,
  defaultTitle,
  onAdd,
  onInsert,
}: {
  found: FoundEvent;
  /** The calendar event made from it, once there is one. */
  saved: CalendarEvent | null;
  defaultTitle: string;
  onAdd: (fields: ReturnType<typeof fieldsFromForm>) => Promise<void>;
  onInsert: () => void;
}) {
  const [form, setForm] = useState<EventFormValues | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const when = formatEventLine({ ...found, location: found.location ?? '' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setProblem(null);
    try {
      await onAdd(fieldsFromForm(form));
      setForm(null);
    } catch (error) {
      setProblem(explain(error));
    }
  };

  return (
    <li className="events-panel__item">
      <div className="events-panel__when">{when}</div>
      {found.note && <div className="events-panel__note">{found.note}</div>}
      <div className="events-panel__quote">“{found.text}”</div>
      {form ? (
        <form
          className="events-panel__form"
          aria-label="Add to calendar"
          onSubmit={(event) => void submit(event)}
        >
          <EventForm values={form} onChange={setForm} />
          <FormFooter problem={problem} submitLabel="Save to calendar" onCancel={() => setForm(null)} />
        </form>
      ) : (
        <div className="events-panel__actions">
          {saved ? (
            <span className="events-panel__saved">✓ In the calendar as “{saved.title}”</span>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() =>
                setForm(formFromEvent({ ...found, title: defaultTitle, location: found.location ?? '' }))
              }
            >
              Add to calendar
            </button>
          )}
          <button type="button" className="button" onClick={onInsert}>
            Insert event block
          </button>
        </div>
      )}
    </li>
  );
}
