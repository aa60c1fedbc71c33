import { useCallback, useEffect, useState } from 'react';

export interface ToastMessage {
  text: string;
  action?: { label: string; run: () => void };
  tone?: 'info' | 'error';
}

const TOAST_MS = 8000;

/** One message at a time; it leaves on its own after a while, errors stay until dismissed. */
export function useToast() {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  useEffect(() => {
    if (!toast || toast.tone === 'error') return;
    const timer = window.setTimeout(() => setToast(null), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [toast]);
  const dismiss = useCallback(() => setToast(null), []);
  return { toast, show: setToast, dismiss };
}

export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  return (
    <div className="calendar-toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`calendar-toast${toast.tone === 'error' ? ' calendar-toast--error' : ''}`}>
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              className="button"
              onClick={() => {
                toast.action?.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="calendar-toast__close" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
