import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect, useState } from 'react';

const COUNT_DELAY_MS = 300;

/** Counted the way the drafts library counts (letters or digits, joined by ' - _), so list and editor agree. */
export function countWords(text: string): { words: number; characters: number } {
  return {
    words: text.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0,
    characters: text.replace(/\n/g, '').length,
  };
}

const format = new Intl.NumberFormat();

/** Words and characters of the body, counted when typing pauses rather than on every keystroke. */
export function WordCountPlugin() {
  const [editor] = useLexicalComposerContext();
  const [count, setCount] = useState(() => editor.read(() => countWords($getRoot().getTextContent())));

  useEffect(() => {
    let timer: number | null = null;
    const unregister = editor.registerTextContentListener(() => {
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        timer = null;
        setCount(editor.read(() => countWords($getRoot().getTextContent())));
      }, COUNT_DELAY_MS);
    });
    return () => {
      unregister();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [editor]);

  return (
    <span className="editor-footer__count" data-testid="word-count">
      {format.format(count.words)} {count.words === 1 ? 'word' : 'words'} · {format.format(count.characters)}{' '}
      {count.characters === 1 ? 'character' : 'characters'}
    </span>
  );
}
