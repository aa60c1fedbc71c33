import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { lazy, Suspense } from 'react';

// CodeMirror and the Markdown reader and writer load when the view is first opened, not at start.
const MarkdownSourceView = lazy(() => import('./MarkdownSourceView'));

/**
 * The body as Markdown (CommonMark with GFM tables, strikethrough and task lists) in a source
 * editor. Edits go back into the rich editor shortly after typing pauses and when switching back.
 */
export function MarkdownSourcePlugin({ active }: { active: boolean }) {
  const [editor] = useLexicalComposerContext();
  if (!active) return null;
  return (
    <Suspense fallback={<p className="markdown-source__loading">Opening the Markdown…</p>}>
      <MarkdownSourceView editor={editor} />
    </Suspense>
  );
}
