import { useEffect, useRef, type RefObject } from 'react';
import { useUiState } from '../../app/UiStateContext';
import { useCore } from '../../core/CoreContext';
import { useCommand } from '../commands/CommandsContext';
import type { DraftSummary } from '../../../shared/model/draft';
import { takeDraftIntents } from './draft-intents';
import type { DraftActions } from './useDraftActions';
import type { OpenDraftState } from './useOpenDraft';

/**
 * What others ask of this section (the palette, the Go menu, a postwright:// link), and the draft
 * that was open last time when nothing asks for another.
 */
export function useDraftIntents(drafts: OpenDraftState, actions: DraftActions, showTrash: () => void) {
  const core = useCore();
  const ui = useUiState();
  const opened = useRef(false);
  const latestIntent = useRef({ newDraft: actions.newDraft, openDraft: actions.openDraft });
  useEffect(() => {
    latestIntent.current = { newDraft: actions.newDraft, openDraft: actions.openDraft };
  });
  useEffect(() => {
    const stop = takeDraftIntents((intent) => {
      opened.current = true;
      if (intent.kind === 'new') void latestIntent.current.newDraft(intent.templateId);
      else if (intent.kind === 'open') void latestIntent.current.openDraft(intent.id);
      else showTrash();
    });
    const last = ui.state.lastDraftId;
    if (!opened.current && last) {
      opened.current = true;
      core.call('drafts-get', { id: last }).then(
        (draft) => !drafts.current.current && !draft.trashedAt && drafts.show(draft, false, true),
        () => ui.update({ lastDraftId: null }),
      );
    }
    return stop;
    // Once, when the section opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

/** The File and Edit menu commands that act on the open draft or this section. */
export function useDraftCommands(
  current: OpenDraftState['current'],
  actions: DraftActions,
  refs: { search: RefObject<HTMLInputElement | null>; importPicker: RefObject<HTMLInputElement | null> },
  leaveTrash: () => void,
) {
  const summaryOfOpen = (): DraftSummary | null => {
    const draft = current.current?.draft;
    return draft ? { ...draft, snippet: '' } : null;
  };
  const hasOpen = () => current.current !== null;
  useCommand('file.exportHtml', () => void actions.exportDraft(current.current!.draft, 'html'), hasOpen);
  useCommand('file.exportMarkdown', () => void actions.exportDraft(current.current!.draft, 'md'), hasOpen);
  useCommand('file.revisions', () => void actions.showRevisions(summaryOfOpen()!), hasOpen);
  useCommand('file.trashDraft', () => void actions.trashDraft(summaryOfOpen()!), hasOpen);
  useCommand('file.import', () => refs.importPicker.current?.click());
  useCommand('edit.findDrafts', () => {
    leaveTrash();
    refs.search.current?.focus();
  });
}
