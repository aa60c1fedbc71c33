import { useState } from 'react';
import { localDay } from '../../../shared/inbox/filter';
import { movedTo } from '../digest/schedule/PeriodDrops';

/**
 * The day a link was added, which decides the digest period it goes in. Typed part by part (like
 * the digest's dates); saved when a whole date leaves the field or Enter is pressed.
 */
export function RedateField({ addedAt, onSave }: { addedAt: string; onSave: (addedAt: string) => void }) {
  const day = localDay(new Date(addedAt));
  const [typed, setTyped] = useState(day);
  // A year still being typed (0002, 0020…) is below the minimum: only a whole date is saved.
  const [whole, setWhole] = useState(true);
  const [shown, setShown] = useState(day);
  if (day !== shown) {
    setShown(day);
    setTyped(day);
  }
  const save = () => {
    if (typed && whole && typed !== day) onSave(movedTo(typed, addedAt));
  };
  return (
    <label className="field">
      <span>Added on (its digest period)</span>
      <input
        type="date"
        min="1900-01-01"
        max="9999-12-31"
        value={typed}
        onChange={(event) => {
          setTyped(event.target.value);
          setWhole(event.target.validity.valid);
        }}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
      />
    </label>
  );
}
