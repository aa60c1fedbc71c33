import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { DraftSession } from './draft-session';

/** The post's title above the body: wraps like a heading when long; Enter moves to the body. */
export function TitleField({
  session,
  autoFocus,
  onTitle,
  onEnter,
}: {
  session: DraftSession;
  autoFocus: boolean;
  onTitle: (title: string) => void;
  onEnter: () => void;
}) {
  const [title, setTitle] = useState(() => session.getFields().title);
  const field = useRef<HTMLTextAreaElement>(null);
  // A one-row textarea that grows with its text, so a long title wraps instead of scrolling away;
  // measured again when the page's width changes (a panel opens, the window narrows).
  useLayoutEffect(() => fitHeight(field.current), [title]);
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    let width = element.clientWidth;
    const observer = new ResizeObserver(() => {
      if (element.clientWidth === width) return;
      width = element.clientWidth;
      fitHeight(element);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  return (
    <textarea
      ref={field}
      className="editor-title"
      aria-label="Title"
      placeholder="Title"
      rows={1}
      autoFocus={autoFocus}
      value={title}
      maxLength={1000}
      onChange={(event) => {
        // A title is one line: pasted line breaks become spaces.
        const value = event.target.value.replace(/[\r\n]+/g, ' ');
        setTitle(value);
        onTitle(value);
        session.setFields({ title: value });
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onEnter();
        }
      }}
    />
  );
}

function fitHeight(element: HTMLTextAreaElement | null) {
  if (!element) return;
  element.style.height = 'auto';
  element.style.height = `${element.scrollHeight}px`;
}
