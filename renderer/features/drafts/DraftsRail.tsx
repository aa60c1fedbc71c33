/** The drafts list folded to a strip at the window's edge: a button to unfold it, and New draft. */
export function DraftsRail({
  onShowList,
  onNewDraft,
  newShortcut,
}: {
  onShowList: () => void;
  onNewDraft: () => void;
  newShortcut: string;
}) {
  return (
    <div className="drafts-rail" role="group" aria-label="Drafts list (folded)">
      <button
        type="button"
        className="drafts-rail__button"
        aria-label="Show the drafts list"
        aria-expanded={false}
        title="Show the drafts list"
        onClick={onShowList}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M2 3h12M2 8h12M2 13h12" stroke="currentColor" strokeWidth="1.5" fill="none" />
        </svg>
      </button>
      <button
        type="button"
        className="drafts-rail__button"
        aria-label="New draft"
        title={`New draft (${newShortcut})`}
        onClick={onNewDraft}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M8 2v12M2 8h12" stroke="currentColor" strokeWidth="1.5" fill="none" />
        </svg>
      </button>
    </div>
  );
}
