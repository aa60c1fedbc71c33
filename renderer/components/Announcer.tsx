import { useEffect, useState } from 'react';

type Listener = (text: string) => void;
const listeners = new Set<Listener>();

/**
 * Says `text` to screen readers through the one polite live region of the window. The region is on
 * the page from the start (a region inserted together with its text is often not read), and the
 * same sentence twice is still read twice.
 */
export function announce(text: string): void {
  for (const listener of listeners) listener(text);
}

/** The window's live region: rendered once, inside the status bar. */
export function Announcer() {
  const [said, setSaid] = useState({ text: '', count: 0 });
  useEffect(() => {
    const listener: Listener = (text) => setSaid((last) => ({ text, count: last.count + 1 }));
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, []);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {/* A new key per message, so a repeated sentence is a new text node and is read again. */}
      <span key={said.count}>{said.text}</span>
    </div>
  );
}
