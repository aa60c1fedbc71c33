import { useState, type FormEvent } from 'react';
import { explain } from '../../../calendar/explain';
import { FormFooter } from './FormFooter';

/** Which days an "Upcoming events" list covers, and its heading. */
export function UpcomingForm({
  initialFrom,
  initialTo,
  onInsert,
  onCancel,
}: {
  initialFrom: string;
  initialTo: string;
  onInsert: (range: { from: string; to: string; heading: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [heading, setHeading] = useState('Upcoming events');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    try {
      await onInsert({ from, to, heading: heading.trim() || 'Upcoming events' });
    } catch (error) {
      setProblem(explain(error));
    }
  };

  return (
    <form
      className="events-panel__form"
      aria-label="Insert upcoming events"
      onSubmit={(event) => void submit(event)}
    >
      <div className="event-form__row">
        <label className="field">
          <span>From</span>
          <input type="date" value={from} onChange={(event) => setFrom(event.target.value)} required />
        </label>
        <label className="field">
          <span>To</span>
          <input type="date" value={to} onChange={(event) => setTo(event.target.value)} required />
        </label>
      </div>
      <label className="field">
        <span>Heading</span>
        <input type="text" value={heading} onChange={(event) => setHeading(event.target.value)} />
      </label>
      <FormFooter problem={problem} submitLabel="Insert list" onCancel={onCancel} />
    </form>
  );
}
