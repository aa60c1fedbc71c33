import { useRef, useState } from 'react';
import type { DraftSummary } from '../../../shared/model/draft';
import { lazyScreen } from '../../components/lazy-screen';
import { Toast, useToast } from '../../components/Toast';
import { shortcutOf, withShortcut } from '../commands/platform';
import { DraftEditorPane } from './DraftEditorPane';
import { DraftMenu, type MenuItem } from './DraftMenu';
import { DraftsPanel } from './DraftsPanel';
import { DraftsRail } from './DraftsRail';
import './drafts.css';
import { useDraftActions, type RevisionsRequest } from './useDraftActions';
import { useDraftCommands, useDraftIntents } from './useDraftIntents';
import { useExternalChanges } from './useExternalChanges';
import { useFoldingLayout } from './useFoldingLayout';
import { useOpenDraft } from './useOpenDraft';

// The revisions, their word-by-word comparison and preview load when first asked for (or once idle).
const RevisionsDialog = lazyScreen(
  async () => (await import('../revisions/RevisionsDialog')).RevisionsDialog,
  { what: 'the revisions' },
).Screen;

/** The Drafts section: the list (or the trash) on the left, the open draft on the right. */
export function DraftsView() {
  const [query, setQuery] = useState('');
  const [trash, setTrash] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [toast, showToast] = useToast();
  const [menu, setMenu] = useState<{ title: string; items: MenuItem[]; at: { x: number; y: number } } | null>(
    null,
  );
  const [revisionsOf, setRevisionsOf] = useState<RevisionsRequest | null>(null);
  const drafts = useOpenDraft(setProblem);
  const { open, conflict, setConflict, show } = drafts;
  const layout = useFoldingLayout(open?.draft.id ?? null);
  const search = useRef<HTMLInputElement>(null);
  const importPicker = useRef<HTMLInputElement>(null);
  const newShortcut = withShortcut('New draft', 'file.newDraft');
  const actions = useDraftActions({ drafts, setProblem, showToast, setTrash, setQuery, setRevisionsOf });
  const newDraft = () => void actions.newDraft();
  const leaveTrash = () => setTrash(false);

  const openMenu = (summary: DraftSummary, at: { x: number; y: number }) =>
    setMenu({ title: summary.title || 'Untitled', items: actions.menuItems(summary, trash), at });

  useExternalChanges(drafts.current, open?.session ?? null, {
    onReload: (theirs) => {
      show(theirs);
      showToast({ text: 'This draft was changed outside this window; it now shows that version.' });
    },
    onConflict: setConflict,
  });
  useDraftIntents(drafts, actions, () => setTrash(true));
  useDraftCommands(drafts.current, actions, { search, importPicker }, leaveTrash);

  return (
    <div className={`drafts-view${layout.listShown ? '' : ' drafts-view--folded'}`}>
      {!layout.listShown && (
        <DraftsRail
          onShowList={layout.showList}
          onNewDraft={newDraft}
          newShortcut={shortcutOf('file.newDraft')}
        />
      )}
      <DraftsPanel
        trash={trash}
        query={query}
        onQueryChange={setQuery}
        hidden={!layout.listShown}
        openId={open?.draft.id ?? null}
        newShortcut={newShortcut}
        searchRef={search}
        importPickerRef={importPicker}
        onNewDraft={newDraft}
        onHideList={layout.hideList}
        onToggleTrash={() => {
          setQuery('');
          setTrash((on) => !on);
        }}
        onImport={(file) => void actions.importFile(file)}
        onOpenDraft={(id) => void actions.openDraft(id)}
        onMenu={openMenu}
        onTrashDraft={(summary) => void actions.trashDraft(summary)}
        onEmptyTrash={() => void actions.emptyTrash()}
      />
      <DraftEditorPane
        open={open}
        problem={problem}
        onDismissProblem={() => setProblem(null)}
        conflict={conflict}
        onKeepMine={(theirs) => {
          setConflict(null);
          void open?.session.keepMine(theirs.updatedAt);
        }}
        onTakeTheirs={show}
        trash={trash}
        newShortcut={newShortcut}
        onNewDraft={newDraft}
        panelOpen={layout.panelOpen}
        onPanelOpenChange={layout.setPanelOpen}
      />
      {menu && (
        <DraftMenu
          label={`Actions for ${menu.title}`}
          items={menu.items}
          at={menu.at}
          onClose={() => setMenu(null)}
        />
      )}
      {revisionsOf && (
        <RevisionsDialog
          draftId={revisionsOf.summary.id}
          title={revisionsOf.summary.title || 'Untitled'}
          current={revisionsOf.current}
          onRestore={(revision) => void actions.restoreRevision(revisionsOf.summary, revision)}
          onClose={() => setRevisionsOf(null)}
        />
      )}
      <div className="toast-dock">
        <Toast toast={toast} onDismiss={() => showToast(null)} />
      </div>
    </div>
  );
}
