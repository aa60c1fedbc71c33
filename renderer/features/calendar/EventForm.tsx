import { useId, useMemo } from 'react';
import type { EventFormValues } from './event-form';
import './event-form.css';

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Europe/London', 'UTC'];
  }
}

/** The fields of an event: title, all day, start and end, time zone, place, link, description. */
export function EventForm({
  values,
  onChange,
}: {
  values: EventFormValues;
  onChange: (values: EventFormValues) => void;
}) {
  const id = useId();
  const zones = useMemo(() => timeZones(), []);
  const set = <K extends keyof EventFormValues>(key: K, value: EventFormValues[K]) =>
    onChange({ ...values, [key]: value });

  return (
    <div className="event-form">
      <label className="field">
        <span>Title</span>
        <input
          type="text"
          value={values.title}
          onChange={(event) => set('title', event.target.value)}
          required
        />
      </label>
      <label className="event-form__check">
        <input
          type="checkbox"
          checked={values.allDay}
          onChange={(event) => set('allDay', event.target.checked)}
        />
        All day
      </label>
      <div className="event-form__row">
        <label className="field">
          <span>Starts</span>
          <input
            type="date"
            value={values.startDate}
            onChange={(event) => {
              const startDate = event.target.value;
              // Moving the start moves a same-day end with it.
              onChange({
                ...values,
                startDate,
                endDate: values.endDate < startDate ? startDate : values.endDate,
              });
            }}
            required
          />
        </label>
        {!values.allDay && (
          <label className="field">
            <span>Start time</span>
            <input
              type="time"
              value={values.startTime}
              onChange={(event) => set('startTime', event.target.value)}
            />
          </label>
        )}
      </div>
      <div className="event-form__row">
        <label className="field">
          <span>Ends</span>
          <input
            type="date"
            value={values.endDate}
            onChange={(event) => set('endDate', event.target.value)}
          />
        </label>
        {!values.allDay && (
          <label className="field">
            <span>End time</span>
            <input
              type="time"
              value={values.endTime}
              onChange={(event) => set('endTime', event.target.value)}
            />
          </label>
        )}
      </div>
      {!values.allDay && (
        <label className="field">
          <span>Time zone</span>
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
        </label>
      )}
      <label className="field">
        <span>Location</span>
        <input
          type="text"
          value={values.location}
          onChange={(event) => set('location', event.target.value)}
        />
      </label>
      <label className="field">
        <span>Link</span>
        <input
          type="url"
          value={values.url}
          placeholder="https://"
          onChange={(event) => set('url', event.target.value)}
        />
      </label>
      <label className="field">
        <span>Description</span>
        <textarea
          rows={4}
          value={values.description}
          onChange={(event) => set('description', event.target.value)}
        />
      </label>
    </div>
  );
}
