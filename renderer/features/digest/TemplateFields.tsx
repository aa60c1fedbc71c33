import type { DigestTemplate } from '../../../shared/model/digest-template';

const FIELDS: { key: keyof Omit<DigestTemplate, 'name'>; label: string; rows: number; help: string }[] = [
  { key: 'title', label: 'Title', rows: 1, help: '{start} {end} {year} {count}' },
  { key: 'intro', label: 'Intro', rows: 2, help: '{start} {end} {year} {count}' },
  {
    key: 'item',
    label: 'Each link',
    rows: 3,
    help: '{title} {url} {description} {comment} {tags} {date} {site}; {#comment}…{/comment} only when there is one, {^description}…{/description} only when there is none',
  },
  { key: 'group', label: 'Each tag group (when grouping by tag)', rows: 3, help: '{tag} {items}' },
  { key: 'body', label: 'Body', rows: 3, help: '{intro} {items}' },
  {
    key: 'dateFormat',
    label: 'Date format',
    rows: 1,
    help: 'date-fns pattern: "MMMM do" gives "November 5th"',
  },
];

/** A template's parts, each with the placeholders it knows. */
export function TemplateFields({
  template,
  onEdit,
}: {
  template: DigestTemplate;
  onEdit: (patch: Partial<DigestTemplate>) => void;
}) {
  return FIELDS.map((field) => (
    <label key={field.key} className="field">
      <span>
        {field.label} <span className="muted">— {field.help}</span>
      </span>
      {field.rows === 1 ? (
        <input
          type="text"
          value={template[field.key]}
          onChange={(event) => onEdit({ [field.key]: event.target.value })}
        />
      ) : (
        <textarea
          rows={field.rows}
          value={template[field.key]}
          onChange={(event) => onEdit({ [field.key]: event.target.value })}
        />
      )}
    </label>
  ));
}
