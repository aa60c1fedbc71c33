import { $createLinkNode, $isLinkNode, TOGGLE_LINK_COMMAND, type LinkNode } from '@lexical/link';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import {
  $createRangeSelectionFromDom,
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  createCommand,
  SELECTION_CHANGE_COMMAND,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useRef, useState } from 'react';
import { safeLinkHref } from '../../../../../shared/net/safe-link';
import { LinkPopover } from './LinkPopover';

/** Opens the floating link editor for the selection (toolbar button, Ctrl/Cmd+K). */
export const OPEN_LINK_EDITOR_COMMAND = createCommand<void>('OPEN_LINK_EDITOR_COMMAND');

export const LINK_RULE = 'Use a web address (https://…), a mailto: address, or a path on your blog (/about).';

function $selectedLink(): LinkNode | null {
  const selection = $getSelection();
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

/** A small floating editor: shows the link under the caret; inserts, edits and removes links. */
export function LinkEditorPlugin() {
  const [editor] = useLexicalComposerContext();
  const [link, setLink] = useState<{ url: string; rect: DOMRect } | null>(null);
  const [editing, setEditing] = useState<{ url: string; rect: DOMRect; existing: boolean } | null>(null);
  // The text the author meant to link: focus moves to the address field, so the editor's own
  // selection cannot be trusted by the time the address is confirmed.
  const selectionAtOpen = useRef<BaseSelection | null>(null);

  /** Called inside the update that moved the selection, so it reads the new selection directly. */
  const $refresh = useCallback(() => {
    const url = $selectedLink()?.getURL() ?? null;
    const rect = url !== null ? selectionRect(editor) : null;
    setLink(url !== null && rect ? { url, rect } : null);
  }, [editor]);

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          SELECTION_CHANGE_COMMAND,
          () => {
            $refresh();
            return false;
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          OPEN_LINK_EDITOR_COMMAND,
          () => {
            // Command listeners run inside an editor update. A selection made a moment ago (Shift+Home,
            // then Ctrl+K at once) may not have reached the editor yet, because the browser reports
            // selection changes later: take it from the page, which is what the author sees.
            const fromDom = $createRangeSelectionFromDom(window.getSelection(), editor);
            if (fromDom) $setSelection(fromDom);
            selectionAtOpen.current = $getSelection()?.clone() ?? null;
            const existing = $selectedLink()?.getURL() ?? null;
            const rect = selectionRect(editor) ?? editor.getRootElement()?.getBoundingClientRect() ?? null;
            if (rect) setEditing({ url: existing ?? '', rect, existing: existing !== null });
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, $refresh],
  );

  const close = () => {
    selectionAtOpen.current = null;
    setEditing(null);
    editor.focus();
  };

  const apply = (raw: string): string | null => {
    const url = safeLinkHref(raw);
    if (url === null) return LINK_RULE;
    editor.update(() => {
      if (selectionAtOpen.current) $setSelection(selectionAtOpen.current.clone());
      const existing = $selectedLink();
      const selection = $getSelection();
      if (existing) existing.setURL(url);
      else if ($isRangeSelection(selection) && selection.isCollapsed())
        selection.insertNodes([$createLinkNode(url).append($createTextNode(raw.trim()))]);
      else editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
      // The caret goes just after the link, as in a word processor: typing on does not extend the
      // link, and the next key cannot replace the linked text with a selection still over it.
      $selectedLink()?.selectNext(0, 0);
    });
    close();
    return null;
  };

  const remove = () => {
    editor.update(() => {
      if (selectionAtOpen.current) $setSelection(selectionAtOpen.current.clone());
      editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    });
    setLink(null);
    close();
  };

  if (editing)
    return (
      <LinkPopover
        mode="edit"
        rect={editing.rect}
        url={editing.url}
        existing={editing.existing}
        onSave={apply}
        onRemove={remove}
        onCancel={close}
      />
    );
  if (link)
    return (
      <LinkPopover
        mode="view"
        rect={link.rect}
        url={link.url}
        existing
        onEdit={() => {
          selectionAtOpen.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
          setEditing({ ...link, existing: true });
        }}
        onRemove={remove}
      />
    );
  return null;
}
