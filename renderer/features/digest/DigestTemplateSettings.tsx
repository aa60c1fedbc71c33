import { useId, useMemo } from 'react';
import { SEED_DIGEST_TEMPLATE } from '../../../shared/model/digest-template';
import type { Settings } from '../../../shared/model/settings';
import { DigestPreviewPane } from './DigestPreviewPane';
import { samplePreview } from './digest-template-sample';
import { TemplateFields } from './TemplateFields';
import { useDigestTemplates } from './useDigestTemplates';
import './digest.css';

/** Digest templates in Settings, with a live preview; changes are saved as you type. */
export function DigestTemplateSettings({ settings }: { settings: Settings }) {
  const { templates, index, setIndex, current, commit, edit, saveError } = useDigestTemplates(settings);
  const preview = useMemo(() => samplePreview(current), [current]);

  const names = new Set(templates.map((template) => template.name.toLowerCase()));
  const duplicateNameId = useId();
  const duplicateName =
    templates.filter((template) => template.name.toLowerCase() === current.name.toLowerCase()).length > 1;

  return (
    <fieldset className="field-group template-editor">
      <legend>Link digest templates</legend>
      <div className="template-editor__row">
        <label className="field">
          <span>Template</span>
          <select value={index} onChange={(event) => setIndex(Number(event.target.value))}>
            {templates.map((template, at) => (
              <option key={at} value={at}>
                {template.name}
                {at === 0 ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Name</span>
          <input
            type="text"
            value={current.name}
            onChange={(event) => edit({ name: event.target.value })}
            aria-invalid={duplicateName}
            aria-describedby={duplicateName ? duplicateNameId : undefined}
          />
        </label>
        <button
          type="button"
          className="button"
          onClick={() => {
            let name = `${current.name} copy`;
            for (let n = 2; names.has(name.toLowerCase()); n++) name = `${current.name} copy ${n}`;
            commit([...templates, { ...current, name }], true);
            setIndex(templates.length);
          }}
        >
          Duplicate
        </button>
        {index > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              commit([current, ...templates.filter((_, at) => at !== index)], true);
              setIndex(0);
            }}
          >
            Make default
          </button>
        )}
        {templates.length > 1 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              commit(
                templates.filter((_, at) => at !== index),
                true,
              );
              setIndex(0);
            }}
          >
            Delete
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => edit({ ...SEED_DIGEST_TEMPLATE, name: current.name })}
        >
          Reset to the seed’s
        </button>
      </div>
      {duplicateName && (
        <p className="notice notice--warn" role="alert" id={duplicateNameId}>
          Two templates share this name; give each its own.
        </p>
      )}
      <TemplateFields template={current} onEdit={edit} />
      {saveError && <p className="notice notice--warn">Not saved: {saveError}</p>}
      {preview.error ? (
        <p className="notice notice--warn">{preview.error}</p>
      ) : (
        <div className="template-editor__preview">
          <DigestPreviewPane title={preview.title} html={preview.html} />
        </div>
      )}
    </fieldset>
  );
}
