import { useEffect, useMemo, useState } from 'react';
import { localDay } from '../../../shared/inbox/filter';
import type { DigestPreview } from '../../../shared/contract/inbox';
import { useCore, useCoreEvent, useCoreValue } from '../../core/CoreContext';
import { Field } from '../../components/Field';
import { Toast, useToast } from '../../components/Toast';
import { fieldProblem } from '../../../shared/contract/explain-args';
import { DigestDateField } from './DigestDateField';
import { DigestLinkList } from './DigestLinkList';
import { DigestPreviewPane } from './DigestPreviewPane';
import './digest.css';

function dayAfter(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(year, month - 1, date + 1));
}

function weekAgo(): string {
  const now = new Date();
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 7));
}

/** "Build digest": a date range's links, in the author's order, through the templates, into a draft. */
export function DigestView({ onBack }: { onBack: () => void }) {
  const core = useCore();
  const [last] = useCoreValue((client) => client.call('digest-last', {}));
  const [settings, setSettings] = useCoreValue((client) => client.call('settings-get', {}));
  useCoreEvent('settings-changed', setSettings);
  const [chosen, setChosen] = useState<{ from: string; to: string } | null>(null);
  const [order, setOrder] = useState<string[]>([]);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [groupByTag, setGroupByTag] = useState(false);
  const [template, setTemplate] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<DigestPreview | null>(null);
  // A problem with one of the dates shows on that date; any other above the links.
  const [problem, setProblem] = useState<{ text: string; from?: string; to?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [toast, showToast] = useToast(12_000);
  const [revision, setRevision] = useState(0);

  // Until the author picks dates: the day after the last digest (or a week ago) up to today.
  const range = useMemo(
    () =>
      chosen ??
      (last === undefined ? null : { from: last ? dayAfter(last.to) : weekAgo(), to: localDay(new Date()) }),
    [chosen, last],
  );
  const setRange = (patch: { from?: string; to?: string }) => range && setChosen({ ...range, ...patch });

  useCoreEvent('inbox-changed', () => setRevision((value) => value + 1));

  const request = useMemo(
    () =>
      range && {
        ...range,
        order,
        excluded: [...excluded],
        groupByTag,
        ...(template ? { template } : {}),
      },
    [range, order, excluded, groupByTag, template],
  );

  useEffect(() => {
    if (!request) return;
    let live = true;
    core.call('digest-preview', request).then(
      (result) => {
        if (!live) return;
        setPreview(result);
        setProblem(null);
      },
      (error: unknown) => {
        if (!live) return;
        const dates = { from: fieldProblem(error, 'from'), to: fieldProblem(error, 'to') };
        // A preview of other dates would contradict a problem with these: it goes.
        if (dates.from || dates.to) setPreview(null);
        setProblem({ text: (error as Error).message, ...dates });
      },
    );
    return () => {
      live = false;
    };
  }, [core, request, revision, settings]);

  // The author's order and choices show at once; the preview catches up.
  const links = useMemo(() => {
    const fetched = preview?.links ?? [];
    const position = new Map(order.map((id, index) => [id, index]));
    return [...fetched].sort(
      (a, b) => (position.get(a.id) ?? order.length) - (position.get(b.id) ?? order.length),
    );
  }, [preview, order]);
  const move = (from: number, to: number) => {
    const ids = links.map((link) => link.id);
    const [moved] = ids.splice(from, 1);
    ids.splice(to, 0, moved!);
    setOrder(ids);
  };
  const toggle = (id: string) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const create = async () => {
    if (!request) return;
    setBusy(true);
    try {
      const { draft, used } = await core.call('digest-create', request);
      setOrder([]);
      setExcluded(new Set());
      showToast({
        text: `Draft “${draft.title}” created with ${used} links. Open it from Drafts to edit and publish.`,
      });
    } catch (error) {
      showToast({ text: (error as Error).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const included = links.filter((link) => !excluded.has(link.id)).length;
  const rangeEnd = (end: 'from' | 'to', label: string) => (
    <DigestDateField
      end={end}
      label={label}
      value={range?.[end] ?? ''}
      problem={problem?.[end]}
      onChange={(day) => setRange({ [end]: day })}
    />
  );
  return (
    <section className="digest-view" aria-labelledby="digest-heading">
      <header className="digest-view__head">
        <button type="button" className="button" onClick={onBack}>
          ← Inbox
        </button>
        <h1 id="digest-heading">Build digest</h1>
        <span className="inbox-head__spacer" />
        <button
          type="button"
          className="button button--primary"
          disabled={busy || included === 0 || Boolean(problem)}
          onClick={() => void create()}
        >
          Create draft
        </button>
      </header>
      <div className="digest-view__controls">
        {rangeEnd('from', 'From')}
        {rangeEnd('to', 'To')}
        <Field label="Template" className="field--inline">
          <select value={template ?? ''} onChange={(event) => setTemplate(event.target.value || undefined)}>
            {(settings?.digestTemplates ?? []).map((entry, index) => (
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
            onChange={(event) => setGroupByTag(event.target.checked)}
          />
          Group by tag
        </label>
        {last && (
          <span className="muted">
            Last digest: {last.from} to {last.to}
          </span>
        )}
      </div>
      {problem && !problem.from && !problem.to && <p className="notice notice--warn">{problem.text}</p>}
      <div className="digest-view__body">
        <div className="digest-view__links">
          <h2>
            {included} of {links.length} link{links.length === 1 ? '' : 's'}
          </h2>
          {problem?.from || problem?.to ? (
            <p className="muted">The links show again once the dates make a range.</p>
          ) : links.length === 0 ? (
            <p className="muted">
              No unused links were added in this range. Widen the dates, or add links to the inbox first.
            </p>
          ) : (
            <DigestLinkList links={links} excluded={excluded} onMove={move} onToggle={toggle} />
          )}
        </div>
        {preview && <DigestPreviewPane title={preview.title} html={preview.html} />}
      </div>
      <div className="toast-dock">
        <Toast toast={toast} onDismiss={() => showToast(null)} />
      </div>
    </section>
  );
}
