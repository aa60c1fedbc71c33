import { useEffect, useMemo, useRef, type Dispatch, type SetStateAction } from 'react';
import type { Bookmark, BookmarkPatch } from '../../../shared/model/bookmark';
import type { ToastMessage } from '../../components/Toast';
import { useCore } from '../../core/CoreContext';
import type { LinkActions } from './LinkRow';

/**
 * What the author does to one link: edit, fetch again, archive and delete (both undoable), and the
 * one stable set of row actions the list hands its rows.
 */
export function useLinkActions(
  selection: { selectedId: string | null; setSelectedId: Dispatch<SetStateAction<string | null>> },
  fail: (error: unknown) => void,
  showToast: (toast: ToastMessage | null) => void,
) {
  const core = useCore();
  const { selectedId, setSelectedId } = selection;
  const update = (link: Bookmark, patch: BookmarkPatch) =>
    void core.call('inbox-update', { id: link.id, patch }).catch(fail);
  const retry = (link: Bookmark) => void core.call('inbox-refetch', { ids: [link.id] }).catch(fail);
  const archive = (link: Bookmark) =>
    void core.call('inbox-archive', { ids: [link.id], archived: !link.archived }).then(
      () =>
        showToast({
          text: link.archived ? 'Moved back to the inbox.' : 'Archived.',
          action: {
            label: 'Undo',
            run: () =>
              void core.call('inbox-archive', { ids: [link.id], archived: link.archived }).catch(fail),
          },
        }),
      fail,
    );
  const remove = (link: Bookmark) => {
    if (selectedId === link.id) setSelectedId(null);
    void core.call('inbox-delete', { ids: [link.id] }).then(
      () =>
        showToast({
          text: `Deleted “${link.title || link.url}”.`,
          action: {
            label: 'Undo',
            run: () => void core.call('inbox-restore', { ids: [link.id] }).catch(fail),
          },
        }),
      fail,
    );
  };

  // Rows get one stable set of actions (so they can skip re-rendering); it calls the latest handlers.
  const latest = useRef({ retry, archive, remove });
  useEffect(() => {
    latest.current = { retry, archive, remove };
  });
  const rowActions = useMemo<LinkActions>(
    () => ({
      select: (link) => setSelectedId((current) => (current === link.id ? null : link.id)),
      retry: (link) => latest.current.retry(link),
      archive: (link) => latest.current.archive(link),
      remove: (link) => latest.current.remove(link),
    }),
    // A state setter: the same function on every render, so the actions stay the same too.
    [setSelectedId],
  );

  return { update, retry, archive, remove, rowActions };
}
