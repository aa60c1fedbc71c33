import { useEffect, useId, useRef, useState } from 'react';
import type { PostTemplate, PostTemplateInput } from '../../../shared/model/post-template';
import { dateTokenProblem, expandDateTokens } from '../../../shared/templates/date-tokens';
import { Field, InputField } from '../../components/Field';

const listed = (names: string[]) => names.join(', ');
const names = (text: string) =>
  text
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

/** One template being written: its fields as typed, and what its title gives today. */
export function PostTemplateForm({
  template,
  onSave,
  onCancel,
}: {
  /** The template to edit, or null for a new one. */
  template: PostTemplate | null;
  /** Resolves with a sentence when the core refused the template, null when it was saved. */
  onSave: (input: PostTemplateInput) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(template?.name ?? '');
  const [title, setTitle] = useState(template?.title ?? '');
  const [html, setHtml] = useState(template?.html ?? '');
  const [categories, setCategories] = useState(listed(template?.categories ?? []));
  const [tags, setTags] = useState(listed(template?.tags ?? []));
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const first = useRef<HTMLDivElement>(null);
  const previewId = useId();
  const problemId = useId();

  useEffect(() => first.current?.querySelector('input')?.focus(), []);

  const save = async () => {
    const local = name.trim()
      ? (dateTokenProblem(title) ?? dateTokenProblem(html))
      : 'Give the template a name.';
    if (local) return setProblem(local);
    setSaving(true);
    const refused = await onSave({ name, title, html, categories: names(categories), tags: names(tags) });
    setSaving(false);
    setProblem(refused);
  };

  return (
    <form
      className="post-template-form"
      aria-label={template ? `Edit the template ${template.name}` : 'New template'}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.stopPropagation();
        onCancel();
      }}
    >
      <div ref={first}>
        <InputField label="Name" value={name} onChange={setName} maxLength={100} />
      </div>
      <InputField
        label="Title"
        value={title}
        onChange={setTitle}
        maxLength={1000}
        aria-describedby={previewId}
      />
      <p className="muted post-template-form__preview" id={previewId}>
        Today: {title.trim() ? expandDateTokens(title, new Date()) : 'no title'}
      </p>
      <Field label="Body (HTML)">
        <textarea
          value={html}
          onChange={(event) => setHtml(event.target.value)}
          rows={6}
          spellCheck={false}
        />
      </Field>
      <InputField label="Categories (comma between)" value={categories} onChange={setCategories} />
      <InputField label="Tags (comma between)" value={tags} onChange={setTags} />
      {problem && (
        <p className="notice notice--warn" role="alert" id={problemId}>
          {problem}
        </p>
      )}
      <div className="post-template-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          Save template
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
