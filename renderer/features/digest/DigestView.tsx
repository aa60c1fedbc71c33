import { useMemo, useState } from 'react';
import { useCore, useCoreEvent, useCoreValue } from '../../core/CoreContext';
import { focusHome } from '../../components/focus-home';
import { Toast, useToast } from '../../components/Toast';
import { DigestControls } from './DigestControls';
import { DigestLinkList } from './DigestLinkList';
import { DigestPreviewPane } from './DigestPreviewPane';
import { useDigestPreview } from './useDigestPreview';
import { useDigestRange } from './useDigestRange';
import { useAuthorOrder, useLinkChoices } from './useLinkChoices';
import './digest.css';

/** "Build digest": a date range's links, in the author's order, through the templates, into a draft. */
export function DigestView({ onBack }: { onBack: () => void }) {
  const core = useCore();
  const [last] = useCoreValue((client) => client.call('digest-last', {}));
  const [settings, setSettings] = useCoreValue((client) => client.call('settings-get', {}));
  useCoreEvent('settings-changed', setSettings);
  const [range, setRange] = useDigestRange(last);
  const { order, setOrder, excluded, toggle, reset } = useLinkChoices();
  const [groupByTag, setGroupByTag] = useState(false);
  // Links a digest used already stay out unless the author asks for them again.
  const [includeUsed, setIncludeUsed] = useState(false);
  const [template, setTemplate] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [toast, showToast] = useToast(12_000);

  const request = useMemo(
    () =>
      range && {
        ...range,
        order,
        excluded: [...excluded],
        groupByTag,
        includeUsed,
        ...(template ? { template } : {}),
      },
    [range, order, excluded, groupByTag, includeUsed, template],
  );
  const { preview, problem } = useDigestPreview(request, settings);
  const { links, move } = useAuthorOrder(preview?.links, order, setOrder);

  const create = async () => {
    if (!request || busy) return;
    setBusy(true);
    try {
      const { draft, used } = await core.call('digest-create', request);
      reset();
      showToast({
        text: `Draft “${draft.title}” created with ${used} links. Open it from Drafts to edit and publish.`,
      });
      // Its links are used now, so Create draft is about to be disabled: the focus goes to the
      // screen's heading (the toast says where the draft went), not to the page.
      focusHome();
    } catch (error) {
      showToast({ text: (error as Error).message, tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const included = links.filter((link) => !excluded.has(link.id)).length;
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
          // Not disabled while busy, so the focus stays on it; a second press does nothing meanwhile.
          aria-busy={busy}
          disabled={included === 0 || Boolean(problem)}
          onClick={() => void create()}
        >
          Create draft
        </button>
      </header>
      <DigestControls
        range={range}
        onRange={setRange}
        problem={problem}
        templates={settings?.digestTemplates ?? []}
        template={template}
        onTemplate={setTemplate}
        groupByTag={groupByTag}
        onGroupByTag={setGroupByTag}
        includeUsed={includeUsed}
        onIncludeUsed={setIncludeUsed}
        last={last}
      />
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
