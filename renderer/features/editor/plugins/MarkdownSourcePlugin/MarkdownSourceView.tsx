import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import {
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  SKIP_DOM_SELECTION_TAG,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { htmlToMarkdown } from '../../../../../shared/markdown/html-to-markdown';
import { markdownToHtml } from '../../../../../shared/markdown/markdown-to-html';
import type { DraftSession } from '../../draft-session';
import { $exportBodyHtml, $replaceBodyWithHtml } from '../../html/body-html';
import { IMAGE_FOR_SOURCE_VIEW_COMMAND } from '../ImagesPlugin';
import { blockIndexAt, blockOffset } from './block-places';
import { notesField, setNotes } from './notes-field';
import { markdownNotes } from '../../../../../shared/markdown/markdown-notes';

const APPLY_DELAY_MS = 600;

/** The index, among the body's blocks, of the block holding the caret (0 without one). */
function $caretBlockIndex(): number {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return 0;
  const block = selection.anchor.getNode().getTopLevelElement();
  return block ? block.getIndexWithinParent() : 0;
}

/** The caret on the start of the body's block at `index` (or the last one). */
function $caretToBlock(index: number) {
  const root = $getRoot();
  const block = root.getChildAtIndex(Math.min(index, root.getChildrenSize() - 1));
  block?.selectStart();
}

/** An image as the Markdown writer writes it (its alt text and address escaped as they need). */
function imageMarkdown(src: string, alt: string): string {
  const image = document.createElement('img');
  image.setAttribute('src', src);
  image.setAttribute('alt', alt);
  return htmlToMarkdown(`<p>${image.outerHTML}</p>`).trim();
}

export default function MarkdownSourceView({
  editor,
  autoFocus,
  session,
}: {
  editor: LexicalEditor;
  /** Told of typing at once (autosave), and asks for the typed text before it reads the body. */
  session: DraftSession;
  /** Opened by the author (not a draft opening in Markdown, whose title or list keeps the focus). */
  autoFocus: boolean;
}) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const parent = host.current;
    if (!parent) return;
    // Read in the effect, not at render: a view being left (HTML source) applies its edits first.
    const { text, caretBlock } = editor.read(() => ({
      text: htmlToMarkdown($exportBodyHtml(editor)),
      caretBlock: $caretBlockIndex(),
    }));
    let applied = text;
    let timer: number | null = null;

    const apply = (view: EditorView) => {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      const typed = view.state.doc.toString();
      view.dispatch({ effects: setNotes.of(markdownNotes(typed)) });
      if (typed === applied) return;
      applied = typed;
      // The hidden body keeps no caret of its own: left with one, Lexical would move the page's
      // selection into it, and CodeMirror (still focused) would take that as a caret at the top.
      editor.update(
        () => {
          $replaceBodyWithHtml(editor, markdownToHtml(typed));
          $setSelection(null);
        },
        { tag: ['markdown-source', SKIP_DOM_SELECTION_TAG], discrete: true },
      );
    };

    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: text,
        selection: { anchor: blockOffset(text, caretBlock) },
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown(),
          syntaxHighlighting(defaultHighlightStyle),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': 'Markdown source', spellcheck: 'true' }),
          notesField(markdownNotes(text)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            session.markDirty();
            if (timer !== null) window.clearTimeout(timer);
            timer = window.setTimeout(() => apply(update.view), APPLY_DELAY_MS);
          }),
        ],
      }),
    });
    // The hidden body gives up its caret, so nothing lands there unseen; an image that arrives
    // now (its copy into the draft still under way when the view opened) goes into the Markdown.
    editor.update(() => $setSelection(null), { tag: SKIP_DOM_SELECTION_TAG, discrete: true });
    const stopImages = editor.registerCommand(
      IMAGE_FOR_SOURCE_VIEW_COMMAND,
      ({ src, alt }) => {
        view.dispatch(view.state.replaceSelection(imageMarkdown(src, alt)), { scrollIntoView: true });
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    );
    const detach = session.attachPending(() => apply(view));
    if (autoFocus) view.focus();
    view.dispatch({ effects: EditorView.scrollIntoView(view.state.selection.main.head, { y: 'center' }) });

    // Leaving the view (or the draft) applies what was typed last and keeps the caret's block.
    return () => {
      stopImages();
      detach();
      apply(view);
      const index = blockIndexAt(view.state.doc.toString(), view.state.selection.main.head);
      view.destroy();
      editor.update(() => $caretToBlock(index), { tag: 'markdown-source', discrete: true });
    };
  }, [editor, autoFocus, session]);

  return <div ref={host} className="markdown-source" />;
}
