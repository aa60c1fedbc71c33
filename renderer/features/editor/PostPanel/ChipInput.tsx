import { useId, useState, type KeyboardEvent } from 'react';

/** Tags or categories as removable chips; Enter or comma adds what was typed, Backspace removes the last. */
export function ChipInput({
  label,
  values,
  onChange,
  placeholder,
  suggestions = [],
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder: string;
  /** Values the browser offers as the author types (for example the blog's existing categories). */
  suggestions?: string[];
}) {
  const [text, setText] = useState('');
  const id = useId();

  const add = (raw: string) => {
    const fresh = raw
      .split(',')
      .map((value) => value.trim())
      .filter(
        (value) => value !== '' && !values.some((existing) => existing.toLowerCase() === value.toLowerCase()),
      );
    if (fresh.length) onChange([...values, ...fresh]);
    setText('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(text);
    } else if (event.key === 'Backspace' && text === '' && values.length) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="chips">
        <ul className="chips__list">
          {values.map((value) => (
            <li key={value} className="chip">
              {value}
              <button
                type="button"
                className="chip__remove"
                aria-label={`Remove ${value}`}
                onClick={() => onChange(values.filter((entry) => entry !== value))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          type="text"
          value={text}
          placeholder={values.length ? '' : placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && add(text)}
          list={suggestions.length ? `${id}-suggestions` : undefined}
        />
        {suggestions.length > 0 && (
          <datalist id={`${id}-suggestions`}>
            {suggestions
              .filter((suggestion) => !values.includes(suggestion))
              .map((suggestion) => (
                <option key={suggestion} value={suggestion} />
              ))}
          </datalist>
        )}
      </div>
    </div>
  );
}
