import { $createLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  $createTextNode,
  $getSelection,
  $isRangeSelection,
  $setSelection,
  type BaseSelection,
  type LexicalEditor,
} from 'lexical';
import type { RefObject } from 'react';
import { safeLinkHref } from '../../../../../shared/net/safe-link';
import { $linkAt } from './link-selection';
import type { Shown } from './useLinkBox';

export const LINK_RULE = 'Use a web address (https://…), a mailto: address, or a path on your blog (/about).';

/**
 * What the link box does to the text: set an address (checked against the one link policy),
 * remove a link keeping its words, or cancel and give the selection back.
 */
export function useLinkEdits(
  editor: LexicalEditor,
  box: { shown: Shown | null; selectionAtOpen: RefObject<BaseSelection | null>; finish: () => void },
) {
  const { shown, selectionAtOpen, finish } = box;

  /** Puts back the selection the author had when the address field opened, and the focus with it. */
  const restoreSelection = () => {
    const selection = selectionAtOpen.current;
    editor.update(() => {
      if (selection) $setSelection(selection.clone());
    });
    editor.focus();
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

  /** Remove in the box that shows the link under the caret: that link goes. */
  const removeUnderCaret = () => {
    selectionAtOpen.current = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
    remove();
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

  return { cancel, remove, removeUnderCaret, apply };
}
