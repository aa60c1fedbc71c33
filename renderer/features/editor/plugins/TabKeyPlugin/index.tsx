import { $isListItemNode } from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $findMatchingParent, mergeRegister } from '@lexical/utils';
import { registerTabIndentation } from '@lexical/react/LexicalTabIndentationPlugin';
import {
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  INDENT_CONTENT_COMMAND,
  KEY_DOWN_COMMAND,
  KEY_TAB_COMMAND,
  OUTDENT_CONTENT_COMMAND,
} from 'lexical';
import { useEffect, useRef } from 'react';
import { announce } from '../../../../components/Announcer';

const MAX_INDENT = 6;

/**
 * Tab in the body, as in other web editors (WCAG 2.1.2, no keyboard trap): Tab and Shift+Tab move
 * the focus out of the body, except in a list, where they indent and outdent the item. Ctrl+M
 * switches to "Tab inserts a tab" (indent at a line's start, a tab character elsewhere) and back;
 * each switch is announced. Tables keep their own Tab (next cell), registered at a higher priority.
 */
export function TabKeyPlugin() {
  const [editor] = useLexicalComposerContext();
  const tabInserts = useRef(false);

  useEffect(
    () =>
      mergeRegister(
        // Lexical's own Tab handling, which this one lets through only in "Tab inserts a tab".
        registerTabIndentation(editor, MAX_INDENT),
        editor.registerCommand(
          KEY_TAB_COMMAND,
          (event) => {
            if (tabInserts.current) return false;
            const selection = $getSelection();
            const inList =
              $isRangeSelection(selection) &&
              $findMatchingParent(selection.anchor.getNode(), $isListItemNode) !== null;
            if (!inList) return true; // handled by not handling it: the browser moves the focus on
            event.preventDefault();
            return editor.dispatchCommand(event.shiftKey ? OUTDENT_CONTENT_COMMAND : INDENT_CONTENT_COMMAND);
          },
          COMMAND_PRIORITY_LOW,
        ),
        editor.registerCommand(
          KEY_DOWN_COMMAND,
          (event) => {
            if (!event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return false;
            if (event.key.toLowerCase() !== 'm') return false;
            event.preventDefault();
            tabInserts.current = !tabInserts.current;
            announce(
              tabInserts.current
                ? 'Tab inserts a tab. Press Ctrl+M to let Tab move the focus again.'
                : 'Tab moves the focus. Press Ctrl+M to let Tab insert a tab.',
            );
            return true;
          },
          COMMAND_PRIORITY_LOW,
        ),
      ),
    [editor],
  );

  return null;
}
