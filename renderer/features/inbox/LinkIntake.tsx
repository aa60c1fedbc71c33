import { useEffect, useRef, useState } from 'react';
import type { NewLink } from '../../../shared/model/bookmark';
import { useCore } from '../../core/CoreContext';
import { linksFromTransfer, mayCarryLinks } from './drop-data';
import { Toast, useToast } from '../../components/Toast';
import './inbox.css';

/** Where a drop belongs to someone else: the editor, a text field, or a file drop (images into a draft). */
function ownedElsewhere(event: DragEvent): boolean {
  const target = event.target as Element | null;
  if (target?.closest?.('[contenteditable="true"], input, textarea, [data-drop-zone]')) return true;
  return Boolean(event.dataTransfer?.types.includes('Files'));
}

/** Listens on the window; what it returns stops listening. */
function listen<K extends keyof WindowEventMap>(type: K, listener: (event: WindowEventMap[K]) => void) {
  window.addEventListener(type, listener);
  return () => window.removeEventListener(type, listener);
}

/** Reads `#add?url=…&title=…&quote=…` (the bookmarklet) once, then clears it from the address. */
function linkFromAddress(): NewLink | null {
  const match = /^#add\?(.*)$/.exec(location.hash);
  if (!match) return null;
  const params = new URLSearchParams(match[1]);
  history.replaceState(null, '', location.pathname + location.search);
  const url = params.get('url');
  if (!url) return null;
  const title = params.get('title')?.trim();
  const quote = params.get('quote')?.trim();
  return { url, ...(title ? { title } : {}), ...(quote ? { description: quote } : {}) };
}

/**
 * Links arriving from outside, anywhere in the app: dropped from a browser (an overlay shows where
 * they will go) or sent by the bookmarklet. Each goes straight into the inbox.
 */
export function LinkIntake({ onAdded }: { onAdded: () => void }) {
  const core = useCore();
  const [dragging, setDragging] = useState(false);
  const [toast, showToast] = useToast();
  const internal = useRef(false);
  const depth = useRef(0);
  const added = useRef(onAdded);
  useEffect(() => {
    added.current = onAdded;
  });

  useEffect(() => {
    // A web page can open the bookmarklet's address too: its links reach nothing local until Retry.
    const add = (links: NewLink[], from: 'author' | 'web-page' = 'author') => {
      if (links.length === 0) {
        showToast({ text: 'That drop held no web links (http or https).', tone: 'error' });
        return;
      }
      core.call('inbox-add', { links, from }).then(
        (result) => {
          const count = result.added + result.merged;
          showToast({
            text: result.rejected.length
              ? `Added ${count} link${count === 1 ? '' : 's'}; ${result.rejected.length} refused: ${result.rejected[0]!.reason}`
              : result.merged && !result.added
                ? 'That link is already in the inbox; the two were merged.'
                : `Added ${count} link${count === 1 ? '' : 's'} to the inbox.`,
          });
          if (count) added.current();
        },
        (error: unknown) =>
          showToast({ text: `The links could not be added: ${(error as Error).message}`, tone: 'error' }),
      );
    };

    // The bookmarklet opens a window named "postwright": a fresh load, or a new #add in an open one.
    const onAddress = () => {
      const fromBookmarklet = linkFromAddress();
      if (fromBookmarklet) add([fromBookmarklet], 'web-page');
    };
    onAddress();

    const onDragStart = () => {
      internal.current = true;
    };
    const onDragEnd = () => {
      internal.current = false;
    };
    const onDragEnter = (event: DragEvent) => {
      if (internal.current || !event.dataTransfer || !mayCarryLinks(event.dataTransfer.types)) return;
      if (ownedElsewhere(event)) return;
      depth.current++;
      setDragging(true);
    };
    const onDragLeave = () => {
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDragOver = (event: DragEvent) => {
      if (internal.current || !event.dataTransfer || ownedElsewhere(event)) return;
      if (!mayCarryLinks(event.dataTransfer.types)) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent) => {
      depth.current = 0;
      setDragging(false);
      if (internal.current || !event.dataTransfer || ownedElsewhere(event)) return;
      event.preventDefault();
      add(linksFromTransfer(event.dataTransfer));
    };
    const cleanups = [
      listen('hashchange', onAddress),
      listen('dragstart', onDragStart),
      listen('dragend', onDragEnd),
      listen('dragenter', onDragEnter),
      listen('dragleave', onDragLeave),
      listen('dragover', onDragOver),
      listen('drop', onDrop),
    ];
    return () => cleanups.forEach((cleanup) => cleanup());
  }, [core, showToast]);

  return (
    <>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay__card">
            <strong>Drop links to add them to the inbox</strong>
            <span>Links, selections with links, or addresses as text</span>
          </div>
        </div>
      )}
      <div className="toast-dock toast-dock--raised">
        <Toast toast={toast} onDismiss={() => showToast(null)} />
      </div>
    </>
  );
}
