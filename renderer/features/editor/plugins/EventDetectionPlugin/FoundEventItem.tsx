import { useEffect, useRef, useState, type FormEvent } from 'react';
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
  // The form replaces the buttons and the buttons the form: the focus follows, to Add to calendar
  // after Cancel, to Insert event block (the next step) once the event is in the calendar.
  const actions = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<'add' | 'insert' | null>(null);
  const closeForm = (next: 'add' | 'insert') => {
    focusAfter.current = next;
    setForm(null);
  };
  // After the render that put the buttons back.
  useEffect(() => {
    if (!focusAfter.current || !actions.current) return;
    actions.current.querySelector<HTMLElement>(`[data-after-form="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  });
  const when = formatEventLine({ ...found, location: found.location ?? '' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setProblem(null);
    try {
      await onAdd(fieldsFromForm(form));
      closeForm('insert');
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
          <EventForm values={form} onChange={setForm} focusTitle />
          <FormFooter problem={problem} submitLabel="Save to calendar" onCancel={() => closeForm('add')} />
        </form>
      ) : (
        <div className="events-panel__actions" ref={actions}>
          {saved ? (
            <span className="events-panel__saved">✓ In the calendar as “{saved.title}”</span>
          ) : (
            <button
              type="button"
              data-after-form="add"
              className="button"
              onClick={() =>
                setForm(formFromEvent({ ...found, title: defaultTitle, location: found.location ?? '' }))
              }
            >
              Add to calendar
            </button>
          )}
          <button type="button" className="button" data-after-form="insert" onClick={onInsert}>
            Insert event block
          </button>
        </div>
      )}
    </li>
  );
}
