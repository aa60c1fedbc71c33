import type { LastDigestInfo } from '../../../shared/contract/inbox';
import type { Settings } from '../../../shared/model/settings';
import { Field } from '../../components/Field';
import { DigestDateField } from './DigestDateField';
import type { DigestProblem } from './useDigestPreview';
import type { DayRange } from './useDigestRange';

/** The digest's dates, template, grouping, whether used links may come again, and when the last digest was. */
export function DigestControls({
  range,
  onRange,
  problem,
  templates,
  template,
  onTemplate,
  groupByTag,
  onGroupByTag,
  includeUsed,
  onIncludeUsed,
  last,
}: {
  range: DayRange | null;
  onRange: (patch: Partial<DayRange>) => void;
  problem: DigestProblem | null;
  templates: Settings['digestTemplates'];
  template: string | undefined;
  onTemplate: (name: string | undefined) => void;
  groupByTag: boolean;
  onGroupByTag: (group: boolean) => void;
  includeUsed: boolean;
  onIncludeUsed: (include: boolean) => void;
  last: LastDigestInfo | null | undefined;
}) {
  const rangeEnd = (end: 'from' | 'to', label: string) => (
    <DigestDateField
      end={end}
      label={label}
      value={range?.[end] ?? ''}
      problem={problem?.[end]}
      onChange={(day) => onRange({ [end]: day })}
    />
  );
  return (
    <div className="digest-view__controls">
      {rangeEnd('from', 'From')}
      {rangeEnd('to', 'To')}
      <Field label="Template" className="field--inline">
        <select value={template ?? ''} onChange={(event) => onTemplate(event.target.value || undefined)}>
          {templates.map((entry, index) => (
            <option key={entry.name} value={index === 0 ? '' : entry.name}>
              {entry.name}
            </option>
          ))}
        </select>
      </Field>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={groupByTag}
          onChange={(event) => onGroupByTag(event.target.checked)}
        />
        Group by tag
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={includeUsed}
          onChange={(event) => onIncludeUsed(event.target.checked)}
        />
        Links already in a digest
      </label>
      {last && (
        <span className="muted">
          Last digest: {last.from} to {last.to}
        </span>
      )}
    </div>
  );
}
