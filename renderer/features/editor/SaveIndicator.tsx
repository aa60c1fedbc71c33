import { useSyncExternalStore } from 'react';
import type { DraftSession } from './draft-session';

/** "Saved", "Saving…", "Unsaved changes", or why saving failed. */
export function SaveIndicator({ session }: { session: DraftSession }) {
  const state = useSyncExternalStore(
    (notify) => session.subscribe(notify),
    () => session.getState(),
  );
  const text =
    state.kind === 'saved'
      ? 'Saved'
      : state.kind === 'saving'
        ? 'Saving…'
        : state.kind === 'unsaved'
          ? 'Unsaved changes'
          : state.message;
  return (
    <span className={`save-indicator save-indicator--${state.kind}`} data-testid="save-state" role="status">
      <span className="save-indicator__dot" aria-hidden="true" />
      {text}
    </span>
  );
}
