import { useState } from 'react';
import type { DraftSession } from './draft-session';

/** The post's title above the body; Enter moves to the body. */
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
  return (
    <input
      className="editor-title"
      type="text"
      aria-label="Title"
      autoFocus={autoFocus}
      placeholder="Title"
      value={title}
      maxLength={1000}
      onChange={(event) => {
        setTitle(event.target.value);
        onTitle(event.target.value);
        session.setFields({ title: event.target.value });
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
