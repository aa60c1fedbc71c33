import type { LexicalEditor } from 'lexical';
import { mergeRegister } from '@lexical/utils';
import {
  $addUpdateTag,
  $createRangeSelectionFromDom,
  $getSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_LOW,
  KEY_ESCAPE_COMMAND,
  SELECTION_CHANGE_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  type BaseSelection,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { $linkAt, OPEN_LINK_EDITOR_COMMAND, selectionRect } from './link-selection';

export type Shown =
  | { mode: 'view'; url: string; rect: DOMRect }
  | { mode: 'edit'; url: string; rect: DOMRect; existing: boolean };

/**
 * When the link box shows and in which mode: the link under the caret is shown, Ctrl/Cmd+K opens
 * the address field, Escape and leaving the body close it (never while the address is typed).
 */
export function useLinkBox(editor: LexicalEditor) {
  const [shown, setShown] = useState<Shown | null>(null);
  const editing = shown?.mode === 'edit';
  // The text the author meant to link: focus moves to the address field, so the editor's own
  // selection cannot be trusted by the time the address is confirmed or the edit cancelled.
  const selectionAtOpen = useRef<BaseSelection | null>(null);
  const editingRef = useRef(false);
  const shownRef = useRef<Shown | null>(null);
  useEffect(() => {
    editingRef.current = editing;
    shownRef.current = shown;
  }, [editing, shown]);

  /** Called inside the update that moved the selection, so it reads the new selection directly. */
  const $showLinkUnderCaret = useCallback(() => {
    if (editingRef.current) return;
    const url = $linkAt($getSelection())?.getURL() ?? null;
    const rect = url !== null ? selectionRect(editor) : null;
    setShown(url !== null && rect ? { mode: 'view', url, rect } : null);
  }, [editor]);

  /** Opens the address field for the selection: inside a command, so inside an editor update. */
  const $openEditor = useCallback(() => {
    // A selection made a moment ago (Shift+Home, then Ctrl+K at once) may not have reached the
    // editor yet, because the browser reports selection changes later: take it from the page,
    // which is what the author sees. It is kept aside, not set, so the editor does not take the
    // focus back when this update is drawn.
    $addUpdateTag(SKIP_DOM_SELECTION_TAG);
    const selection = $createRangeSelectionFromDom(window.getSelection(), editor) ?? $getSelection();
    selectionAtOpen.current = selection?.clone() ?? null;
    const existing = $linkAt(selection)?.getURL() ?? null;
    const rect = selectionRect(editor) ?? editor.getRootElement()?.getBoundingClientRect() ?? null;
    if (!rect) return false;
    editingRef.current = true;
    setShown({ mode: 'edit', url: existing ?? '', rect, existing: existing !== null });
    return true;
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            $showLinkUnderCaret();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(OPEN_LINK_EDITOR_COMMAND, $openEditor, COMMAND_PRIORITY_LOW),
        // Escape in the body closes the link's box and leaves the caret where it is (a second
        // Escape leaves the body, as it does anywhere else in it).
        editor.registerCommand(
          KEY_ESCAPE_COMMAND,
          (event) => {
            if (editingRef.current || shownRef.current === null) return false;
            event.preventDefault();
            shownRef.current = null;
            setShown(null);
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
        // The body lost the focus (a click on the title, the panel, another section): the box goes.
        editor.registerCommand(
          BLUR_COMMAND,
          () => {
            if (!editingRef.current) setShown(null);
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, $showLinkUnderCaret, $openEditor],
  );

  /** The box closes and the editor no longer waits for an address. */
  const finish = () => {
    selectionAtOpen.current = null;
    editingRef.current = false;
    setShown(null);
  };

  return { shown, selectionAtOpen, finish };
}
