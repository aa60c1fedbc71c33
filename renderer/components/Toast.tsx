import { useCallback, useEffect, useRef, useState } from 'react';
import { announce } from './Announcer';
import { focusIfThere } from './focus-home';

export interface ToastMessage {
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/**
 * One toast at a time; it leaves on its own after a while (errors stay until dismissed), but not
 * while the pointer rests on it or the focus is in it: a person reaching for its Undo keeps it.
 */
export function useToast(timeoutMs = 8000) {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const timer = useRef<number | undefined>(undefined);
  const show = useCallback(
    (next: ToastMessage | null) => {
      window.clearTimeout(timer.current);
      setToast(next);
      const leave = () => {
        // One section shows at a time, so the toast in use is the one on screen.
        if (document.querySelector('.toast:hover, .toast:focus-within'))
          timer.current = window.setTimeout(leave, 1000);
        else setToast(null);
      };
      if (next && next.tone !== 'error') timer.current = window.setTimeout(leave, timeoutMs);
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

/** The key that takes the focus to a toast's action (and back), named in what is announced. */
export const TOAST_KEY = 'F6';

/**
 * A message at the foot of the window, with at most one action (Undo, Open) and a close button.
 * While an Undo shows, Ctrl/⌘+Z outside a text field runs it; F6 takes the focus to the toast's
 * action and, pressed again, back. The text is read through the window's one live region.
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
  const box = useRef<HTMLDivElement>(null);
  const text = toast?.text;
  const actionLabel = toast?.action?.label;
  useEffect(() => {
    if (text && toast?.tone !== 'error')
      announce(actionLabel ? `${text} ${TOAST_KEY} reaches ${actionLabel}.` : text);
  }, [toast, text, actionLabel]);
  useEffect(() => {
    if (!actionLabel) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== TOAST_KEY || event.ctrlKey || event.altKey || event.metaKey) return;
      event.preventDefault();
      const inside = box.current?.contains(document.activeElement);
      if (inside) focusIfThere(cameFrom.current);
      else box.current?.querySelector<HTMLElement>('.toast__action')?.focus();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [actionLabel]);
  if (!toast) return null;
  const done = () => {
    onDismiss();
    focusIfThere(cameFrom.current);
  };
  return (
    <div
      ref={box}
      className={`toast${toast.tone === 'error' ? ' toast--error' : ''}`}
      role={toast.tone === 'error' ? 'alert' : 'group'}
      aria-label={toast.tone === 'error' ? undefined : 'Message'}
      onFocus={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) cameFrom.current = event.relatedTarget;
      }}
    >
      <span>{toast.text}</span>
      {toast.action && (
        <button
          type="button"
          className="toast__action"
          aria-keyshortcuts={TOAST_KEY}
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
