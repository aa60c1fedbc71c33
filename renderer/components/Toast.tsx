import { useCallback, useEffect, useRef, useState } from 'react';

export interface ToastMessage {
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** One toast at a time; it leaves on its own after a while (errors stay until dismissed). */
export function useToast(timeoutMs = 8000) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const show = useCallback(
    (next: ToastMessage | null) => {
      window.clearTimeout(timer.current);
      setToast(next);
      if (next && next.tone !== 'error') timer.current = window.setTimeout(() => setToast(null), timeoutMs);
    },
    [timeoutMs],
  );
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return [toast, show] as const;
}

/** A message at the foot of the window, with at most one action (Undo, Open) and a close button. */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  if (!toast) return null;
  return (
    <div
      className={`toast${toast.tone === 'error' ? ' toast--error' : ''}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
    >
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="toast__action"
          onClick={() => {
            toast.action!.run();
            onDismiss();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
