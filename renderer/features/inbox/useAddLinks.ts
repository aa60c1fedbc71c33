import { useCallback, useEffect } from 'react';
import type { NewLink } from '../../../shared/model/bookmark';
import { announce } from '../../components/Announcer';
import type { ToastMessage } from '../../components/Toast';
import { useCore } from '../../core/CoreContext';
import { linksFromTransfer } from './drop-data';

/** Where a paste belongs to a field: the inbox only takes pastes aimed at nothing in particular. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof Element && Boolean(target.closest('input, textarea, select, [contenteditable="true"]'))
  );
}

/**
 * Adds links to the inbox, saying in a toast what was refused or merged; true when all went in.
 * Links pasted anywhere but a field come in the same way.
 */
export function useAddLinks(fail: (error: unknown) => void, showToast: (toast: ToastMessage | null) => void) {
  const core = useCore();
  const add = useCallback(
    async (incoming: NewLink[]): Promise<boolean> => {
      try {
        const result = await core.call('inbox-add', { links: incoming });
        if (result.rejected.length) {
          showToast({ text: `${result.rejected[0]!.url}: ${result.rejected[0]!.reason}`, tone: 'error' });
        } else if (result.merged && !result.added) {
          showToast({ text: 'That link is already in the inbox; the two were merged.' });
        } else if (result.added) {
          // The row appears where the eye may not be; a screen reader is told.
          announce(
            result.added === 1 ? 'Added the link to the inbox.' : `Added ${result.added} links to the inbox.`,
          );
        }
        return result.rejected.length === 0;
      } catch (failure) {
        fail(failure);
        return false;
      }
    },
    [core, fail, showToast],
  );

  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      if (isTyping(event.target) || !event.clipboardData) return;
      const pasted = linksFromTransfer(event.clipboardData);
      if (pasted.length === 0) return;
      event.preventDefault();
      void add(pasted);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [add]);

  return add;
}
