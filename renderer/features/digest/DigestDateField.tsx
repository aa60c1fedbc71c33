import { useId, useState } from 'react';
import { Field } from '../../components/Field';

/**
 * One end of the digest's range, typed part by part. While a part is half typed the field's value
 * is empty; it keeps that empty value (a controlled field would put the last date back and cut
 * the typing short), and the range changes only when the field holds a whole date. The bounds keep
 * the year to four digits: without them the year part takes up to six, so a person who types on
 * past the year gets 92009. A problem with this date is said beside it and read out with it.
 */
export function DigestDateField({
  end,
  label,
  value,
  problem,
  onChange,
}: {
  end: 'from' | 'to';
  label: string;
  value: string;
  problem: string | undefined;
  onChange: (day: string) => void;
}) {
  const problemId = useId();
  const [typed, setTyped] = useState(value);
  // A new date from outside (the range's default arriving) replaces what was typed.
  const [given, setGiven] = useState(value);
  if (value !== given) {
    setGiven(value);
    setTyped(value);
  }
  return (
    <div className="digest-date">
      <Field label={label} className="field--inline">
        <input
          type="date"
          aria-label={`Digest ${end}`}
          min="1900-01-01"
          max="9999-12-31"
          value={typed}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => {
            setTyped(event.target.value);
            // A year still being typed (0002, 0020…) is below the minimum: wait for the whole date.
            if (event.target.value && event.target.validity.valid) onChange(event.target.value);
          }}
        />
      </Field>
      {problem && (
        <p id={problemId} className="digest-date__problem">
          {problem}
        </p>
      )}
    </div>
  );
}
