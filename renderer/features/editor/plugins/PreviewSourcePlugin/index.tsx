import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

const PREVIEW_DELAY_MS = 350;

/** Tells the preview the body changed, once typing pauses: it reads the text then, not per keystroke. */
export function PreviewSourcePlugin({ active, onChange }: { active: boolean; onChange: () => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!active) return;
    let timer: number | undefined;
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(onChange, PREVIEW_DELAY_MS);
    });
    return () => {
      window.clearTimeout(timer);
      stop();
    };
  }, [editor, active, onChange]);
  return null;
}
