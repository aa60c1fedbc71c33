import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { lazyScreen } from '../../../../components/lazy-screen';
import type { DraftSession } from '../../draft-session';

// CodeMirror and the Markdown reader and writer load when the view is first opened, not at start.
const MarkdownSourceView = lazyScreen(async () => (await import('./MarkdownSourceView')).default, {
  what: 'the Markdown view',
  loadingText: 'Opening the Markdown…',
  className: 'markdown-source__loading',
  whenIdle: false,
}).Screen;

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
  return <MarkdownSourceView editor={editor} autoFocus={autoFocus} session={session} />;
}
