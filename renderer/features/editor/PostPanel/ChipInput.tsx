import { useId, useState, type KeyboardEvent } from 'react';

const MAX_SHOWN = 8;

/** The suggestions that fit what is typed: containing it, not chosen yet, starting matches first. */
function matching(suggestions: string[], text: string, chosen: string[]): string[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  const taken = new Set(chosen.map((value) => value.toLowerCase()));
  return suggestions
    .filter((value) => !taken.has(value.toLowerCase()) && value.toLowerCase().includes(needle))
    .sort((a, b) => Number(!a.toLowerCase().startsWith(needle)) - Number(!b.toLowerCase().startsWith(needle)))
    .slice(0, MAX_SHOWN);
}

/**
 * Tags or categories as removable chips; Enter or comma adds what was typed, Backspace removes the
 * last. With suggestions (the blog's categories) it is a combobox: matches show as the author types,
 * arrow keys and Enter or a click take one, and words that match none are added as a new value.
 */
export function ChipInput({
  label,
  values,
  onChange,
  placeholder,
  suggestions,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder: string;
  /** Values the author can pick from, and what the list of them is called ("Categories on My blog"). */
  suggestions?: { label: string; noun: string; values: string[] };
}) {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-suggestions`;
  const matches = suggestions ? matching(suggestions.values, text, values) : [];
  const offerNew = suggestions !== undefined && text.trim() !== '' && matches.length === 0;
  const shown = open && (matches.length > 0 || offerNew);

  const add = (raw: string) => {
    const fresh = raw
      .split(',')
      .map((value) => value.trim())
      .filter(
        (value) => value !== '' && !values.some((existing) => existing.toLowerCase() === value.toLowerCase()),
      );
    if (fresh.length) onChange([...values, ...fresh]);
    setText('');
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (shown && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      const count = matches.length;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      if (count > 0)
        setActive((now) => (now < 0 ? (step === 1 ? 0 : count - 1) : (now + step + count) % count));
    } else if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(shown && active >= 0 && matches[active] ? matches[active] : text);
    } else if (event.key === 'Escape' && shown) {
      // Only the list closes; a second Escape goes on to whatever holds this field.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Backspace' && text === '' && values.length) {
      onChange(values.slice(0, -1));
    }
  };

  return (
    <div className="field chip-input">
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
          autoComplete="off"
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            if (text.trim()) add(text);
          }}
          {...(suggestions && {
            role: 'combobox',
            'aria-autocomplete': 'list' as const,
            'aria-expanded': shown,
            'aria-controls': listId,
            'aria-activedescendant': shown && active >= 0 ? `${listId}-${active}` : undefined,
          })}
        />
      </div>
      {suggestions && shown && (
        <ul className="chip-input__suggestions" role="listbox" id={listId} aria-label={suggestions.label}>
          {matches.map((value, index) => (
            <li
              key={value}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              // The field keeps the focus, so typing goes on after a click.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(value)}
            >
              {value}
            </li>
          ))}
          {offerNew && (
            <li
              role="option"
              aria-selected={false}
              className="chip-input__new"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => add(text)}
            >
              Add “{text.trim()}” as a new {suggestions.noun}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
