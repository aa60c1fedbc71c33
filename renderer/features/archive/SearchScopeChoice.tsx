import type { SearchScope } from '../../../shared/model/archive';

const CHOICES: [SearchScope, string][] = [
  ['published', 'Published posts'],
  ['drafts', 'Drafts'],
  ['both', 'Both'],
];

/** What the archive's search looks in: the pulled posts, the drafts, or both (one search, one index). */
export function SearchScopeChoice({
  name,
  value,
  onChange,
}: {
  /** The radio group's name, one per archive shown. */
  name: string;
  value: SearchScope;
  onChange: (next: SearchScope) => void;
}) {
  return (
    <fieldset className="archive__scope">
      <legend>Search in</legend>
      {CHOICES.map(([scope, label]) => (
        <label key={scope}>
          <input type="radio" name={name} checked={value === scope} onChange={() => onChange(scope)} />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  );
}
