import { useState } from 'react';
import type { DigestNotice } from '../../../../shared/model/digest-schedule';
import { useCore } from '../../../core/CoreContext';
import { useBlogs } from '../../editor/PostPanel/useBlogs';
import { rangeText } from './schedule-text';
import { useCadence } from './useCadence';
import './schedule.css';

function text(notice: DigestNotice, blog: string): string {
  const left = notice.leftOut
    ? ` ${notice.leftOut} more ${notice.leftOut === 1 ? 'link waits' : 'links wait'} in the inbox (past the schedule’s most).`
    : '';
  const links = `${notice.count} ${notice.count === 1 ? 'link' : 'links'}`;
  return notice.kind === 'drafted'
    ? `“${notice.title}” was drafted for ${blog} with ${links}: review it and publish.${left}`
    : `The digest for ${rangeText(notice)} is due for ${blog}: ${links} are waiting.${left}`;
}

/**
 * What the digest schedules did while the author was elsewhere (or the app closed): a digest
 * drafted, or one due. Kept in the data folder until dismissed, so every window shows the same.
 */
export function DigestNotices({ onOpenDraft }: { onOpenDraft: (draftId: string) => void }) {
  const core = useCore();
  const blogs = useBlogs();
  const [state, setState] = useCadence();
  const [problem, setProblem] = useState<string | null>(null);
  if (!state || state.notices.length === 0) return null;
  const blogName = (id: string) => blogs?.find((blog) => blog.id === id)?.name || id;
  const act = (work: () => Promise<void>) => {
    setProblem(null);
    work().catch((error: unknown) => setProblem((error as Error).message));
  };
  const dismiss = (notice: DigestNotice) =>
    act(async () => setState(await core.call('cadence-dismiss', { id: notice.id })));

  return (
    <section className="digest-notices" aria-label="Digest notices">
      {state.notices.map((notice) => (
        <div key={notice.id} className="notice digest-notice">
          <p className="digest-notice__text">{text(notice, blogName(notice.blogId))}</p>
          {notice.kind === 'drafted' && notice.draftId && (
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                act(async () => {
                  setState(await core.call('cadence-dismiss', { id: notice.id }));
                  onOpenDraft(notice.draftId!);
                })
              }
            >
              Open the draft
            </button>
          )}
          {notice.kind === 'due' && (
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                act(async () => {
                  const made = await core.call('cadence-draft', {
                    blogId: notice.blogId,
                    range: { from: notice.from, to: notice.to },
                    again: false,
                  });
                  onOpenDraft(made.draftId);
                })
              }
            >
              Draft it now
            </button>
          )}
          <button type="button" className="button" onClick={() => dismiss(notice)}>
            Dismiss
          </button>
        </div>
      ))}
      {problem && (
        <p className="notice notice--warn" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
