import { useId, useState, type FormEvent } from 'react';
import { WEEKDAY_NAMES } from '../../../../shared/digest/cadence';
import type { CadenceState, DigestSchedule } from '../../../../shared/model/digest-schedule';
import { InputField } from '../../../components/Field';
import { useCore } from '../../../core/CoreContext';
import { scheduleOf, valuesOf, type FormValues } from './schedule-form-values';

/** One blog's digest schedule: when it comes round, what goes in, and what happens then. */
export function ScheduleForm({
  blogId,
  blogName,
  schedule,
  templates,
  onSaved,
  onCancel,
}: {
  blogId: string;
  blogName: string;
  schedule: DigestSchedule | undefined;
  templates: string[];
  onSaved: (state: CadenceState, removed: boolean) => void;
  onCancel: () => void;
}) {
  const core = useCore();
  const [values, setValues] = useState(() => valuesOf(schedule));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problemId = useId();
  const set = (patch: Partial<FormValues>) => setValues((current) => ({ ...current, ...patch }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const next = scheduleOf(values, schedule);
    if (typeof next === 'string') setProblem(next);
    else await send(next);
  };

  const send = async (next: Omit<DigestSchedule, 'blogId' | 'startsOn'> | null) => {
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await core.call('cadence-set', { blogId, schedule: next }), next === null);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="schedule-form" aria-label={`Digest schedule for ${blogName}`} onSubmit={save}>
      <PeriodFields values={values} templates={templates} onChange={set} />
      <InputField
        label="Title"
        type="text"
        value={values.title}
        onChange={(title) => set({ title })}
        aria-describedby={`${problemId}-title`}
      />
      <p className="muted schedule-form__help" id={`${problemId}-title`}>
        {'{start}'} and {'{end}'} are the first and last day, written as the template writes dates.
      </p>
      <div className="schedule-form__row">
        <InputField
          label="At least (links)"
          inputMode="numeric"
          value={values.minLinks}
          onChange={(minLinks) => set({ minLinks })}
          size={5}
        />
        <InputField
          label="At most (links)"
          inputMode="numeric"
          value={values.maxLinks}
          onChange={(maxLinks) => set({ maxLinks })}
          size={5}
        />
        <InputField
          label="Only links tagged"
          type="text"
          placeholder="every tag"
          value={values.tags}
          onChange={(tags) => set({ tags })}
        />
      </div>
      <p className="muted schedule-form__help">
        Fewer links than the least wait for the next digest; past the most, the oldest go in and the rest stay
        in the inbox. Separate tags with commas.
      </p>
      <div className="schedule-form__row">
        <Choices
          legend="When a period ends"
          value={values.action}
          options={[
            ['draft', 'Draft the digest'],
            ['remind', 'Only remind me'],
          ]}
          onChange={(action) => set({ action })}
        />
        <Choices
          legend="Periods missed while Postwright was closed"
          value={values.catchUp}
          options={[
            ['each', 'One digest for each'],
            ['combined', 'One digest for them all'],
          ]}
          onChange={(catchUp) => set({ catchUp })}
        />
      </div>
      {problem && (
        <p className="notice notice--warn" role="alert" id={problemId}>
          {problem}
        </p>
      )}
      <div className="schedule-form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Save schedule
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        {schedule && (
          <button
            type="button"
            className="button schedule-form__remove"
            onClick={() => void send(null)}
            disabled={busy}
          >
            Remove schedule
          </button>
        )}
      </div>
    </form>
  );
}

/** How often the digest comes round, the day a week ends, and the template it is written with. */
function PeriodFields({
  values,
  templates,
  onChange: set,
}: {
  values: FormValues;
  templates: string[];
  onChange: (patch: Partial<FormValues>) => void;
}) {
  const weekly = values.period !== 'monthly';
  return (
    <div className="schedule-form__row">
      <label className="field">
        <span>Comes round</span>
        <select
          value={values.period}
          onChange={(event) => set({ period: event.target.value as FormValues['period'] })}
        >
          <option value="weekly">Every week</option>
          <option value="fortnightly">Every other week</option>
          <option value="monthly">Every month</option>
        </select>
      </label>
      {weekly && (
        <label className="field">
          <span>The week ends on</span>
          <select value={values.weekday} onChange={(event) => set({ weekday: Number(event.target.value) })}>
            {WEEKDAY_NAMES.map((name, day) => (
              <option key={name} value={day}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Template</span>
        <select value={values.template} onChange={(event) => set({ template: event.target.value })}>
          {templates.map((name, at) => (
            <option key={name} value={at === 0 ? '' : name}>
              {name}
              {at === 0 ? ' (default)' : ''}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** A few radio buttons under a legend: one of them is chosen, with the arrow keys or a click. */
function Choices<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset className="schedule-form__choice">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="schedule-form__radio">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
