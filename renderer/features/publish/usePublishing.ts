import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Blog } from '../../../shared/model/blog';
import type { Draft } from '../../../shared/model/draft';
import type { MicropubPublishOptions } from '../../../shared/model/micropub';
import type { OutboxJob } from '../../../shared/model/publish';
import { useCore, useCoreEvent } from '../../core/CoreContext';
import type { DraftSession } from '../editor/draft-session';
import { useMicropubBlog } from '../micropub/useMicropubBlog';
import { missingAltWarning } from './missing-alt';

export type PublishOutcome =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'job'; job: OutboxJob; update: boolean }
  | { kind: 'error'; message: string }
  | { kind: 'note'; message: string }
  // The blog cannot take all of the draft (alt text): the author decides before anything is sent.
  | { kind: 'confirm'; warnings: string[] };

/** Where the draft is on its blog, and when it was last sent there from this app. */
export interface OnTheBlog {
  blogId: string;
  blogName: string | null;
  url: string | null;
  remoteStatus: string | null;
  /** When the last publish of the draft went through; null when not known (pulled from the blog). */
  sentAt: string | null;
  /** Whether that was an update of a post already there. */
  wasUpdate: boolean;
}

export interface Publishing {
  outcome: PublishOutcome;
  onBlog: OnTheBlog | null;
  /** The draft has edits (saved or not) made after it last went to the blog. */
  changed: boolean;
  /** The draft's blog when it is a Micropub one: its sign-in may not cover every action. */
  micropubBlog: Blog | null;
  /** Publishes; `confirmed` goes ahead after the author saw what the blog cannot take. */
  publish(confirmed?: boolean): void;
  /** Back to no message (a question or a failure dismissed). */
  dismiss(): void;
  setMicropubOptions(options: MicropubPublishOptions | undefined): void;
  /** The post was deleted on the blog: the draft is no longer linked to it. */
  unlinked(): void;
}

const isDonePublish = (job: OutboxJob, draftId: string) =>
  job.draftId === draftId && job.action === 'publish' && job.state === 'done';

/** What the outbox knows of the draft's publishes: the last one that went through, and how many did. */
function fromOutbox(jobs: OutboxJob[], draft: Draft): OnTheBlog | null {
  const done = jobs
    .filter((job) => isDonePublish(job, draft.id))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const last = done.at(-1);
  if (!last || (draft.remote && draft.remote.blogId !== last.blogId)) return null;
  return {
    blogId: last.blogId,
    blogName: last.blogName,
    url: last.result?.url ?? draft.remote?.url ?? null,
    remoteStatus: last.result?.remoteStatus ?? null,
    sentAt: last.updatedAt,
    wasUpdate: done.length > 1,
  };
}

/**
 * The open draft's publishing: one click (or Ctrl/Cmd+Enter) saves it and sends it through the
 * outbox; afterwards where it is on the blog, when it went, and whether it changed since.
 */
export function usePublishing(draft: Draft, session: DraftSession): Publishing {
  const core = useCore();
  const [outcome, setOutcome] = useState<PublishOutcome>({ kind: 'idle' });
  const [onBlog, setOnBlog] = useState<OnTheBlog | null>(() =>
    draft.remote
      ? {
          blogId: draft.remote.blogId,
          blogName: null,
          url: draft.remote.url,
          remoteStatus: draft.remote.remoteStatus,
          sentAt: null,
          wasUpdate: false,
        }
      : null,
  );
  // Without a known publish time (a post pulled from the blog), edits since opening it count.
  const [baseline] = useState(draft.updatedAt);
  const micropub = useRef<MicropubPublishOptions | undefined>(undefined);
  const micropubBlog = useMicropubBlog(draft.blogId);
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    void Promise.all([core.call('outbox-list', {}), core.call('blogs-list', {})])
      .then(([jobs, blogs]) => {
        if (!live) return;
        const known = fromOutbox(jobs, draft);
        const name = (id: string) => blogs.find((blog) => blog.id === id)?.name ?? null;
        setOnBlog((now) =>
          known
            ? { ...known, blogName: name(known.blogId) ?? known.blogName }
            : now && { ...now, blogName: name(now.blogId) },
        );
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [core, draft]);

  const record = useCallback((job: OutboxJob, update: boolean) => {
    if (job.state !== 'done') return;
    setOnBlog({
      blogId: job.blogId,
      blogName: job.blogName,
      url: job.result?.url ?? null,
      remoteStatus: job.result?.remoteStatus ?? null,
      sentAt: job.updatedAt,
      wasUpdate: update,
    });
  }, []);

  useCoreEvent('outbox-changed', (job) => {
    if (job.draftId !== draft.id || job.action !== 'publish') return;
    setOutcome((current) => {
      if (current.kind !== 'job' || current.job.id !== job.id) return current;
      record(job, current.update);
      return { ...current, job };
    });
  });

  const publish = useCallback(
    (confirmed = false) => {
      if (busy.current) return;
      busy.current = true;
      const update = onBlog !== null;
      setOutcome({ kind: 'busy' });
      void (async () => {
        try {
          await session.flush();
          const options = micropub.current;
          if (!confirmed) {
            const warnings: string[] = [];
            const noAlt = missingAltWarning((await core.call('drafts-get', { id: draft.id })).html);
            if (noAlt) warnings.push(noAlt);
            if (micropubBlog) {
              const check = {
                draftId: draft.id,
                blogId: micropubBlog.id,
                ...(options ? { micropub: options } : {}),
              };
              warnings.push(...(await core.call('micropub-publish-check', check)).warnings);
            }
            if (warnings.length) return setOutcome({ kind: 'confirm', warnings });
          }
          const job = await core.call('publish', {
            draftId: draft.id,
            ...(options ? { micropub: options } : {}),
          });
          setOutcome({ kind: 'job', job, update });
          record(job, update);
        } catch (failure) {
          setOutcome({
            kind: 'error',
            message: failure instanceof Error ? failure.message : String(failure),
          });
        } finally {
          busy.current = false;
        }
      })();
    },
    [core, draft.id, micropubBlog, onBlog, record, session],
  );

  // Saved edits and unsaved ones both count as changes the blog has not seen.
  const saveState = useSyncExternalStore(
    (notify) => session.subscribe(notify),
    () => `${session.getState().kind}@${session.getSavedAt()}`,
  );
  const [kind, savedAt] = saveState.split('@') as [string, string];
  const changed = onBlog !== null && (kind !== 'saved' || savedAt > (onBlog.sentAt ?? baseline));

  return {
    outcome,
    onBlog,
    changed,
    micropubBlog,
    publish,
    dismiss: useCallback(() => setOutcome({ kind: 'idle' }), []),
    setMicropubOptions: useCallback((options) => {
      micropub.current = options;
    }, []),
    unlinked: useCallback(() => {
      setOnBlog(null);
      setOutcome({ kind: 'note', message: 'Deleted from the blog.' });
    }, []),
  };
}
