/** The foot of a form in the events dock: why it was refused (announced), then submit and Cancel. */
export function FormFooter({
  problem,
  submitLabel,
  onCancel,
}: {
  problem: string | null;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {problem && (
        <p className="notice notice--warn" role="alert">
          {problem}
        </p>
      )}
      <div className="events-panel__actions">
        <button type="submit" className="button button--primary">
          {submitLabel}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
