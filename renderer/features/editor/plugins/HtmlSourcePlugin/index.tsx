import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import { useEffect, useRef, useState } from 'react';
import { $exportBodyHtml, $replaceBodyWithHtml, formatHtmlForEditing } from '../../html/body-html';

const APPLY_DELAY_MS = 600;

/**
 * The body as HTML source, one block a line. Edits go back into the editor (sanitised, through the
 * same import as paste) shortly after typing pauses and when switching back, so autosave keeps them.
 */
export function HtmlSourcePlugin({ active }: { active: boolean }) {
  const [editor] = useLexicalComposerContext();
  return active ? <HtmlSourceView editor={editor} /> : null;
}

function HtmlSourceView({ editor }: { editor: LexicalEditor }) {
  const [source, setSource] = useState(() =>
    formatHtmlForEditing(editor.read(() => $exportBodyHtml(editor))),
  );
  const applied = useRef(source);
  const typed = useRef(source);
  const timer = useRef<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const applyRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    textarea.current?.focus();
    const apply = () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      if (typed.current === applied.current) return;
      const html = typed.current;
      applied.current = html;
      editor.update(() => $replaceBodyWithHtml(editor, html), { tag: 'html-source', discrete: true });
    };
    applyRef.current = apply;
    // Leaving the view (or the draft) applies what was typed last.
    return apply;
  }, [editor]);

  return (
    <textarea
      ref={textarea}
      className="html-source"
      aria-label="HTML source"
      spellCheck={false}
      value={source}
      onChange={(event) => {
        setSource(event.target.value);
        typed.current = event.target.value;
        if (timer.current !== null) window.clearTimeout(timer.current);
        timer.current = window.setTimeout(() => applyRef.current(), APPLY_DELAY_MS);
      }}
    />
  );
}
