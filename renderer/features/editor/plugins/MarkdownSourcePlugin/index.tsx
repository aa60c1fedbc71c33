import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { lazy, Suspense } from 'react';
import type { DraftSession } from '../../draft-session';

// CodeMirror and the Markdown reader and writer load when the view is first opened, not at start.
const MarkdownSourceView = lazy(() => import('./MarkdownSourceView'));

/** Enter in the title goes on into the Markdown, as it goes into the rich body. */
export function focusMarkdownSource() {
  document.querySelector<HTMLElement>('.markdown-source .cm-content')?.focus();
}

/**
 * The body as Markdown (CommonMark with GFM tables, strikethrough and task lists) in a source
 * editor. Edits go back into the rich editor shortly after typing pauses and when switching back.
 */
export function MarkdownSourcePlugin({
  active,
  autoFocus,
  session,
}: {
  active: boolean;
  autoFocus: boolean;
  session: DraftSession;
}) {
  const [editor] = useLexicalComposerContext();
  if (!active) return null;
  return (
    <Suspense fallback={<p className="markdown-source__loading">Opening the Markdown…</p>}>
      <MarkdownSourceView editor={editor} autoFocus={autoFocus} session={session} />
    </Suspense>
  );
}
