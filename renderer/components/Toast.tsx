import { useCallback, useEffect, useRef, useState } from 'react';
import { focusIfThere } from './focus-home';

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

/** Ctrl/⌘+Z typed in a text field undoes typing; elsewhere it may undo what a toast offers to. */
function isTextField(target: EventTarget | null): boolean {
  return target instanceof Element && Boolean(target.closest('input, textarea, [contenteditable="true"]'));
}

/**
 * A message at the foot of the window, with at most one action (Undo, Open) and a close button.
 * While an Undo shows, Ctrl/⌘+Z outside a text field runs it.
 */
export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss: () => void }) {
  const undo = toast?.action?.label === 'Undo' ? toast.action : null;
  const latest = useRef({ undo, onDismiss });
  useEffect(() => {
    latest.current = { undo, onDismiss };
  });
  useEffect(() => {
    if (!undo) return;
    const onKeyDown = (event: KeyboardEvent) => {
      const mod = navigator.platform.startsWith('Mac') ? event.metaKey : event.ctrlKey;
      if (
        !mod ||
        event.shiftKey ||
        event.altKey ||
        event.key.toLowerCase() !== 'z' ||
        isTextField(event.target)
      )
        return;
      event.preventDefault();
      event.stopPropagation();
      latest.current.undo?.run();
      latest.current.onDismiss();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [undo]);
  // Where the focus came from, to go back to once the toast's button has done its work.
  const cameFrom = useRef<Element | null>(null);
  if (!toast) return null;
  const done = () => {
    onDismiss();
    focusIfThere(cameFrom.current);
  };
  return (
    <div
      className={`toast${toast.tone === 'error' ? ' toast--error' : ''}`}
      role={toast.tone === 'error' ? 'alert' : 'status'}
      onFocus={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) cameFrom.current = event.relatedTarget;
      }}
    >
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="toast__action"
          onClick={() => {
            toast.action!.run();
            done();
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={done}>
        ✕
      </button>
    </div>
  );
}
