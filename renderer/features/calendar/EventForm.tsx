import { useId, useMemo } from 'react';
import { Field, InputField } from '../../components/Field';
import type { EventFormValues } from './event-form';
import './event-form.css';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/London', 'UTC'];
  }
}

/** Every field but the all-day checkbox holds text. */
type TextKey = Exclude<keyof EventFormValues, 'allDay'>;

/** The fields of an event: title, all day, start and end, time zone, place, link, description. */
export function EventForm({
  values,
  onChange,
  focusTitle = false,
}: {
  values: EventFormValues;
  onChange: (values: EventFormValues) => void;
  /** A new event starts with the caret in its title. */
  focusTitle?: boolean;
}) {
  const id = useId();
  const zones = useMemo(() => timeZones(), []);
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) =>
    onChange({ ...values, [key]: value });
  /** Ties an InputField to one field of the form. */
  const bind = (key: TextKey) => ({ value: values[key], onChange: (value: string) => set(key, value) });

  return (
    <div className="event-form">
      <InputField label="Title" type="text" {...bind('title')} required autoFocus={focusTitle} />
      <label className="event-form__check">
        <input
          type="checkbox"
          checked={values.allDay}
          onChange={(event) => set('allDay', event.target.checked)}
        />
        All day
      </label>
      <div className="event-form__row">
        <InputField
          label="Starts"
          type="date"
          value={values.startDate}
          onChange={(startDate) =>
            // Moving the start moves a same-day end with it.
            onChange({
              ...values,
              startDate,
              endDate: values.endDate < startDate ? startDate : values.endDate,
            })
          }
          required
        />
        {!values.allDay && <InputField label="Start time" type="time" {...bind('startTime')} />}
      </div>
      <div className="event-form__row">
        <InputField label="Ends" type="date" {...bind('endDate')} />
        {!values.allDay && <InputField label="End time" type="time" {...bind('endTime')} />}
      </div>
      {!values.allDay && (
        <Field label="Time zone">
          <input
            type="text"
            list={`${id}-zones`}
            value={values.timeZone}
            onChange={(event) => set('timeZone', event.target.value)}
          />
          <datalist id={`${id}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Field>
      )}
      <InputField label="Location" type="text" {...bind('location')} />
      <InputField label="Link" type="url" placeholder="https://" {...bind('url')} />
      <Field label="Description">
        <textarea
          rows={4}
          value={values.description}
          onChange={(event) => set('description', event.target.value)}
        />
      </Field>
    </div>
  );
}
