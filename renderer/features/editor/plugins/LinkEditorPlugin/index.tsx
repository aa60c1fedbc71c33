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
  type LexicalEditor,
} from 'lexical';
import { useCallback, useEffect, useState } from 'react';
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
            // A selection made a moment ago (Shift+Home, then Ctrl+K at once) may not have reached
            // the editor state yet: take it from the page, which is what the author sees.
            editor.update(
              () => {
                const fromDom = $createRangeSelectionFromDom(window.getSelection(), editor);
                if (fromDom) $setSelection(fromDom);
              },
              { discrete: true },
            );
            const existing = editor.getEditorState().read(() => $selectedLink()?.getURL() ?? null);
            const rect = selectionRect(editor) ?? editor.getRootElement()?.getBoundingClientRect() ?? null;
            if (rect) setEditing({ url: existing ?? '', rect, existing: existing !== null });
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor, $refresh],
  );

  const apply = (raw: string): string | null => {
    const url = safeLinkHref(raw);
    if (url === null) return LINK_RULE;
    editor.update(() => {
      const existing = $selectedLink();
      const selection = $getSelection();
      if (existing) existing.setURL(url);
      else if ($isRangeSelection(selection) && selection.isCollapsed())
        selection.insertNodes([$createLinkNode(url).append($createTextNode(raw.trim()))]);
      else editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    });
    setEditing(null);
    editor.focus();
    return null;
  };

  const remove = () => {
    editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
    setEditing(null);
    setLink(null);
    editor.focus();
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
        onCancel={() => {
          setEditing(null);
          editor.focus();
        }}
      />
    );
  if (link)
    return (
      <LinkPopover
        mode="view"
        rect={link.rect}
        url={link.url}
        existing
        onEdit={() => setEditing({ ...link, existing: true })}
        onRemove={remove}
      />
    );
  return null;
}
