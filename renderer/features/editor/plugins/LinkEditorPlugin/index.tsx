import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND, type LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $addUpdateTag,
  $createRangeSelectionFromDom,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  BLUR_COMMAND,
  COMMAND_PRIORITY_LOW,
  createCommand,
  KEY_ESCAPE_COMMAND,
  SELECTION_CHANGE_COMMAND,
  SKIP_DOM_SELECTION_TAG,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { safeLinkHref } from '../../../../../shared/net/safe-link';
import { LinkPopover } from './LinkPopover';

/** Opens the floating link editor for the selection (toolbar button, Ctrl/Cmd+K). */
export const OPEN_LINK_EDITOR_COMMAND = createCommand<void>('OPEN_LINK_EDITOR_COMMAND');

export const LINK_RULE = 'Use a web address (https://…), a mailto: address, or a path on your blog (/about).';

function $linkAt(selection: BaseSelection | null): LinkNode | null {
  if (!$isRangeSelection(selection)) return null;
  const node = selection.anchor.getNode();
  return $isLinkNode(node) ? node : $findMatchingParent(node, $isLinkNode);
}

function selectionRect(editor: LexicalEditor): DOMRect | null {
  const root = editor.getRootElement();
  const native = window.getSelection();
  if (!root || !native || native.rangeCount === 0 || !root.contains(native.anchorNode)) return null;
  const range = native.getRangeAt(0);
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) {
    const element =
      native.anchorNode instanceof Element ? native.anchorNode : native.anchorNode?.parentElement;
    return element?.getBoundingClientRect() ?? null;
  }
  return rect;
}

type Shown =
  | { mode: 'view'; url: string; rect: DOMRect }
  | { mode: 'edit'; url: string; rect: DOMRect; existing: boolean };

/**
 * A small floating editor: shows the link under the caret; inserts, edits and removes links.
 * While the address is typed the editor is left alone (its selection is kept aside, and the page's
 * selection is not redrawn), so every key lands in the address field.
 */
export function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
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

  /** Puts back the selection the author had when the address field opened, and the focus with it. */
  const restoreSelection = () => {
    const selection = selectionAtOpen.current;
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
    });
    editor.focus();
  };

  const finish = () => {
    selectionAtOpen.current = null;
    editingRef.current = false;
    setShown(null);
  };

  const cancel = ({ refocus }: { refocus: boolean }) => {
    if (refocus) restoreSelection();
    finish();
  };

  const remove = () => {
    const selection = selectionAtOpen.current;
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      const link = $linkAt($getSelection());
      if (link) {
        // The whole link goes, whichever part of it the caret was in; its words stay.
        for (const child of link.getChildren()) link.insertBefore(child);
        link.remove();
      } else editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    });
    finish();
    editor.focus();
  };

  const apply = (raw: string): string | null => {
    // An emptied address takes the link away; nothing typed for new words just closes.
    if (raw.trim() === '') {
      if (shown?.mode === 'edit' && shown.existing) remove();
      else cancel({ refocus: true });
      return null;
    }
    const url = safeLinkHref(raw);
    if (url === null) return LINK_RULE;
    const selection = selectionAtOpen.current;
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
      const current = $getSelection();
      const existing = $linkAt(current);
      if (existing) existing.setURL(url);
      else if ($isRangeSelection(current) && current.isCollapsed())
        current.insertNodes([$createLinkNode(url).append($createTextNode(raw.trim()))]);
      else editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
      // The caret goes just after the link, as in a word processor: typing on does not extend the
      // link, and the next key cannot replace the linked text with a selection still over it.
      $linkAt($getSelection())?.selectNext(0, 0);
    });
    finish();
    editor.focus();
    return null;
  };

  if (!shown) return null;
  if (shown.mode === 'edit')
    return (
      <LinkPopover
        mode="edit"
        rect={shown.rect}
        url={shown.url}
        existing={shown.existing}
        onSave={apply}
        onRemove={remove}
        onCancel={cancel}
      />
    );
  return (
    <LinkPopover
      mode="view"
      rect={shown.rect}
      url={shown.url}
      existing
      onEdit={() => editor.dispatchCommand(OPEN_LINK_EDITOR_COMMAND, undefined)}
      onRemove={() => {
        selectionAtOpen.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
        remove();
      }}
    />
  );
}
