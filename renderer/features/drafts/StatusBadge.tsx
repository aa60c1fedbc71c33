import type { DraftStatus } from '../../../shared/model/draft';

const LABELS: Record<DraftStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
  queued: 'Queued',
  failed: 'Failed',
};

export function StatusBadge({ status, title }: { status: DraftStatus; title?: string }) {
  return (
    <span className={`status-badge status-badge--${status}`} title={title}>
      {LABELS[status]}
    </span>
  );
}
