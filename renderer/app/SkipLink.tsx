import type { MouseEvent } from 'react';
import { focusHome } from '../components/focus-home';

/**
 * The first Tab stop of the window, shown only when focused: past the sections straight into the
 * open draft's body (in Drafts), else to the screen's heading (WCAG 2.4.1).
 */
export function SkipLink({ toEditor }: { toEditor: boolean }) {
  const skip = (event: MouseEvent) => {
    event.preventDefault();
    const body = document.querySelector<HTMLElement>('#main [contenteditable="true"][aria-label="Body"]');
    if (body) body.focus();
    else focusHome();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {toEditor ? 'Skip to the editor' : 'Skip to the main content'}
    </a>
  );
}
