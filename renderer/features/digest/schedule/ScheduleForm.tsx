import { useId, useState, type FormEvent } from 'react';
import { WEEKDAY_NAMES } from '../../../../shared/digest/cadence';
import {
  DEFAULT_SCHEDULE_TITLE,
  type CadenceState,
  type DigestSchedule,
} from '../../../../shared/model/digest-schedule';
import { InputField } from '../../../components/Field';
import { useCore } from '../../../core/CoreContext';

interface FormValues {
  period: DigestSchedule['period'];
  weekday: number;
  title: string;
  template: string;
  minLinks: string;
  maxLinks: string;
  tags: string;
  action: DigestSchedule['action'];
  catchUp: DigestSchedule['catchUp'];
}

function valuesOf(schedule: DigestSchedule | undefined): FormValues {
  return {
    period: schedule?.period ?? 'weekly',
    weekday: schedule?.weekday ?? 0,
    title: schedule?.title ?? DEFAULT_SCHEDULE_TITLE,
    template: schedule?.template ?? '',
    minLinks: String(schedule?.minLinks ?? 1),
    maxLinks: String(schedule?.maxLinks ?? 50),
    tags: schedule?.tags.join(', ') ?? '',
    action: schedule?.action ?? 'draft',
    catchUp: schedule?.catchUp ?? 'each',
  };
}

/** A whole number typed by the author, or a sentence saying what to type. */
function count(text: string, what: string): number | string {
  const value = Number(text.trim());
  return Number.isInteger(value) && value >= 1 && value <= 1000
    ? value
    : `The ${what} number of links must be a whole number from 1 to 1000.`;
}

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
    const minLinks = count(values.minLinks, 'smallest');
    const maxLinks = count(values.maxLinks, 'largest');
    if (typeof minLinks === 'string' || typeof maxLinks === 'string') {
      setProblem(typeof minLinks === 'string' ? minLinks : (maxLinks as string));
      return;
    }
    if (minLinks > maxLinks) {
      setProblem(
        `At least ${minLinks} links is more than at most ${maxLinks}: lower the first or raise the second.`,
      );
      return;
    }
    await send({
      period: values.period,
      weekday: values.weekday,
      title: values.title.trim() || DEFAULT_SCHEDULE_TITLE,
      template: values.template || null,
      minLinks,
      maxLinks,
      tags: values.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      action: values.action,
      catchUp: values.catchUp,
      ...(schedule ? { startsOn: schedule.startsOn } : {}),
    });
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

  const weekly = values.period !== 'monthly';
  return (
    <form className="schedule-form" aria-label={`Digest schedule for ${blogName}`} onSubmit={save}>
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
