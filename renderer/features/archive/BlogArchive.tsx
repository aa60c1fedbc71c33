import { useCallback, useEffect, useRef, useState } from 'react';
import type { ArchivePullResult, SearchHit, SearchScope } from '../../../shared/model/archive';
import type { Blog } from '../../../shared/model/blog';
import type { JobProgress } from '../../../shared/model/job';
import { useUiState } from '../../app/UiStateContext';
import { useCore, useCoreEvent } from '../../core/CoreContext';
import { requestDraft } from '../drafts/draft-intents';
import { errorText } from '../blogs/error-text';
import { ArchivedPostReader } from './ArchivedPostReader';
import { SearchScopeChoice } from './SearchScopeChoice';
import './archive.css';
import { RowMessage, type RowMessageText } from '../blogs/RowMessage';

const SHOWN = 200;

/**
 * The blog's offline archive: "Pull the whole blog" with a progress bar (count, estimate, Cancel),
 * then the archived posts (all blogs' archives searched together), each readable offline. The same
 * search looks in the drafts too, or in both; a draft found opens in Drafts.
 */
export function BlogArchive({ blog, pullNow }: { blog: Blog; pullNow: number }) {
  const core = useCore();
  const [job, setJob] = useState<JobProgress | null>(null);
  const [pulling, setPulling] = useState(false);
  const [withImages, setWithImages] = useState(false);
  const [message, setMessage] = useState<RowMessageText | null>(null);
  const [query, setQuery] = useState('');
  const [scope, setScope] = useState<SearchScope>('published');
  const ui = useUiState();
  const [found, setFound] = useState<{ items: SearchHit[]; total: number } | null>(null);
  const [reading, setReading] = useState<SearchHit | null>(null);
  const started = useRef(0);

  const search = useCallback(
    (words: string) =>
      core
        .call('archive-search', { query: words, in: scope, limit: SHOWN })
        .then(setFound)
        .catch((failure: unknown) => setMessage({ ok: false, text: errorText(failure) })),
    [core, scope],
  );
  useEffect(() => {
    void search(query);
  }, [search, query]);

  useCoreEvent('progress', (progress) => {
    if (progress.label === `Pulling ${blog.name}`) setJob(progress);
  });

  const pull = useCallback(async () => {
    setPulling(true);
    setMessage(null);
    try {
      const result = await core.call('archive-pull', { blogId: blog.id, images: withImages });
      setMessage({ ok: true, text: pullSentence(result, blog.name) });
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    } finally {
      setPulling(false);
      setJob(null);
      void search(query);
    }
  }, [core, blog, query, search, withImages]);

  // The palette's "Pull the Whole Blog" asks by counting up.
  useEffect(() => {
    if (pullNow > started.current && !pulling) {
      started.current = pullNow;
      void pull();
    }
  }, [pullNow, pulling, pull]);

  const open = (hit: SearchHit) => {
    if (hit.kind === 'published') return setReading(hit);
    ui.update({ section: 'drafts' });
    requestDraft({ kind: 'open', id: hit.id });
  };

  const cancel = () => {
    if (job) void core.call('jobs-cancel', { id: job.id }).catch(() => undefined);
  };

  return (
    <div className="archive" aria-label={`Archive of ${blog.name}`} role="region">
      <div className="archive__bar">
        <button type="button" className="button" onClick={() => void pull()} disabled={pulling}>
          Pull the whole blog
        </button>
        <label className="archive__option">
          <input
            type="checkbox"
            checked={withImages}
            disabled={pulling}
            onChange={(event) => setWithImages(event.target.checked)}
          />
          With images
        </label>
        {pulling && (
          <>
            <progress
              aria-label={`Pulling ${blog.name}`}
              max={job?.total ?? undefined}
              value={job?.total ? job.done : undefined}
            />
            <span role="status" className="muted">
              {job?.message ?? 'Asking the blog for its posts…'}
            </span>
            <button type="button" className="button" onClick={cancel} disabled={!job}>
              Cancel
            </button>
          </>
        )}
      </div>
      <RowMessage message={message} />
      <div className="archive__find">
        <label className="field archive__search">
          <span>Search pulled posts</span>
          <input type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
        </label>
        <SearchScopeChoice name={`archive-scope-${blog.id}`} value={scope} onChange={setScope} />
      </div>
      {found && found.total === 0 && <p className="muted">{nothingFound(scope, query)}</p>}
      {found && found.total > 0 && (
        <div className="archive__panes">
          <ul className="archive__list" aria-label="Archived posts">
            {found.items.map((hit) => (
              <li key={hit.id}>
                <button
                  type="button"
                  className="archive__item"
                  aria-current={reading?.id === hit.id}
                  onClick={() => open(hit)}
                >
                  <span className="archive__title">
                    {hit.title || '(no title)'}
                    {scope === 'both' && (
                      <span className="archive__kind">{hit.kind === 'draft' ? 'Draft' : 'Published'}</span>
                    )}
                  </span>
                  <span className="muted">
                    {[hit.publishAt?.slice(0, 10), hit.snippet].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
            {found.total > found.items.length && (
              <li className="muted">{found.total - found.items.length} more: search to narrow the list.</li>
            )}
          </ul>
          {reading?.blogId && reading.postId && (
            <ArchivedPostReader
              key={reading.id}
              blogId={reading.blogId}
              postId={reading.postId}
              onClose={() => setReading(null)}
            />
          )}
        </div>
      )}
    </div>
  );
}

function nothingFound(scope: SearchScope, query: string): string {
  const what = { published: 'pulled post', drafts: 'draft', both: 'draft or pulled post' }[scope];
  if (query) return `No ${what} contains “${query}”.`;
  return scope === 'published' ? 'Nothing pulled yet.' : `No ${what} yet.`;
}

/** What a pull did, in one sentence for the author. */
function pullSentence(result: ArchivePullResult, blogName: string): string {
  if (!result.complete) return `Cancelled after ${result.seen} posts; pulling again goes on from there.`;
  const { images } = result;
  const kept = images
    ? ` Images: ${images.saved + images.kept} kept${images.failed ? `, ${images.failed} could not be downloaded (pulling again tries them again)` : ''}.`
    : '';
  return `Pulled: ${result.changed} new or changed, ${result.total} posts of ${blogName} on this computer.${kept}`;
}
