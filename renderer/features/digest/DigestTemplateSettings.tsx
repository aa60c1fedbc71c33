import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { DigestTemplateError, renderDigest } from '../../../shared/digest/render-digest';
import type { Bookmark } from '../../../shared/model/bookmark';
import { SEED_DIGEST_TEMPLATE, type DigestTemplate } from '../../../shared/model/digest-template';
import type { Settings } from '../../../shared/model/settings';
import { useCore } from '../../core/CoreContext';
import { DigestPreviewPane } from './DigestPreviewPane';
import './digest.css';

function sample(
  url: string,
  title: string,
  description: string,
  comment: string,
  tags: string[],
  addedAt: string,
): Bookmark {
  return {
    id: url,
    url,
    key: url,
    title,
    description,
    comment,
    tags,
    addedAt,
    updatedAt: addedAt,
    archived: false,
    usedIn: [],
    deletedAt: null,
    fetch: { state: 'done', message: null, at: null },
    meta: null,
  };
}

/** The preview's links: three from the seed blog's own digest. */
const SAMPLE = [
  sample(
    'http://data.govt.nz/',
    'data.govt.nz',
    'A beta site where government agencies register their non-personal data sets.',
    '',
    ['opendata', 'nz'],
    '2009-11-05T10:12:00Z',
  ),
  sample(
    'http://www.prefinery.com/',
    'Prefinery: Beta Management Software',
    'Take the headache out of private beta testing with our fast and simple system.',
    'Looks really useful.',
    ['tools'],
    '2009-11-05T15:40:00Z',
  ),
  sample(
    'http://gov2.net.au/blog/2009/11/03/govhack/',
    'GovHack: govt data + hackers + caffeine == good times',
    'An event to encourage greater use and availability of government data.',
    '',
    ['opendata'],
    '2009-11-06T09:03:00Z',
  ),
];

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

/** Digest templates in Settings, with a live preview; changes are saved as you type. */
export function DigestTemplateSettings({ settings }: { settings: Settings }) {
  const core = useCore();
  const [templates, setTemplates] = useState<DigestTemplate[]>(settings.digestTemplates);
  const [index, setIndex] = useState(0);
  const [saveError, setSaveError] = useState<string | null>(null);
  const timer = useRef<number | undefined>(undefined);
  // The names last sent, so a save keeps templates another process (the CLI) added meanwhile.
  const sentNames = useRef(settings.digestTemplates.map((template) => template.name));
  const current = templates[Math.min(index, templates.length - 1)]!;

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const commit = (next: DigestTemplate[], now = false) => {
    setTemplates(next);
    window.clearTimeout(timer.current);
    const save = () => {
      const base = { templateNames: sentNames.current };
      sentNames.current = next.map((template) => template.name);
      void core.call('settings-update', { patch: { digestTemplates: next }, base }).then(
        () => setSaveError(null),
        (error: unknown) => setSaveError((error as Error).message),
      );
    };
    if (now) save();
    else timer.current = window.setTimeout(save, 400);
  };
  const edit = (patch: Partial<DigestTemplate>) =>
    commit(templates.map((template, at) => (at === index ? { ...template, ...patch } : template)));

  const preview = useMemo(() => {
    try {
      return {
        ...renderDigest({
          template: current,
          from: '2009-11-05',
          to: '2009-11-08',
          items: SAMPLE,
          groupByTag: false,
        }),
        error: null,
      };
    } catch (error) {
      if (error instanceof DigestTemplateError) return { title: '', html: '', error: error.message };
      throw error;
    }
  }, [current]);

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
      {FIELDS.map((field) => (
        <label key={field.key} className="field">
          <span>
            {field.label} <span className="muted">— {field.help}</span>
          </span>
          {field.rows === 1 ? (
            <input
              type="text"
              value={current[field.key]}
              onChange={(event) => edit({ [field.key]: event.target.value })}
            />
          ) : (
            <textarea
              rows={field.rows}
              value={current[field.key]}
              onChange={(event) => edit({ [field.key]: event.target.value })}
            />
          )}
        </label>
      ))}
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
