import type { ReactNode } from 'react';

/** What a screen shows when it has nothing yet: what it is for, and what to do first. */
export function EmptyState({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      <div className="empty-state__body">{children}</div>
    </div>
  );
}
