import { useEffect, useRef, useState } from 'react';
import { preloadScreens } from '../components/lazy-screen';
import { useFocusRescue } from '../components/useFocusRescue';
import { useCoreEvent, useCoreValue } from '../core/CoreContext';
import { useCommand } from '../features/commands/CommandsContext';
import { requestDraft } from '../features/drafts/draft-intents';
import { useRecheckWhenBack } from '../features/drafts/useRecheckWhenBack';
import { LinkIntake } from '../features/inbox/LinkIntake';
import { DigestNotices } from '../features/digest/schedule/DigestNotices';
import { AppNotices } from './AppNotices';
import { SettingsView } from './lazy-sections';
import { ProblemNotices } from './ProblemNotices';
import { SectionView } from './SectionView';
import type { SectionId } from './sections';
import { Sidebar } from './Sidebar';
import { SkipLink } from './SkipLink';
import { StatusBar } from './StatusBar';
import { useTheme } from './useTheme';
import { useUiState } from './UiStateContext';

/** The app frame: sidebar, the open section, and the status bar. */
export function App() {
  const ui = useUiState();
  const section = ui.state.section;
  const setSection = (next: SectionId) => ui.update({ section: next });
  // Set by the status bar: the Blogs section opens with the outbox in view and focused, once.
  const [outboxWanted, setOutboxWanted] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  useFocusRescue(frame);
  const [settings, setSettings] = useCoreValue((client) => client.call('settings-get', {}));
  useCoreEvent('settings-changed', setSettings);
  useTheme(settings?.theme);
  const ready = settings !== undefined;
  useEffect(() => {
    if (ready) preloadScreens();
  }, [ready]);
  useRecheckWhenBack();
  useGoCommands(setSection, (inboxMode) => ui.update({ section: 'inbox', inboxMode }));
  useCoreEvent('app-command', ({ draftId }) => {
    if (!draftId) return;
    setSection('drafts');
    requestDraft({ kind: 'open', id: draftId });
  });

  return (
    <div className="app" ref={frame} data-ready={settings ? 'true' : undefined}>
      <SkipLink toEditor={section === 'drafts'} />
      <Sidebar current={section} onSelect={setSection} />
      <main className="app__main" id="main">
        <ProblemNotices />
        <DigestNotices
          onOpenDraft={(id) => {
            setSection('drafts');
            requestDraft({ kind: 'open', id });
          }}
        />
        {section === 'settings' ? (
          settings && <SettingsView settings={settings} />
        ) : (
          <SectionView
            section={section}
            outbox={{ wanted: outboxWanted, shown: () => setOutboxWanted(false) }}
          />
        )}
      </main>
      <StatusBar
        onOpenOutbox={() => {
          setSection('blogs');
          setOutboxWanted(true);
        }}
      />
      <LinkIntake onAdded={() => setSection('inbox')} />
      <AppNotices />
    </div>
  );
}

/** The Go menu and New Draft, which work from every screen. */
function useGoCommands(go: (section: SectionId) => void, goInbox: (mode: 'links' | 'digest') => void) {
  useCommand('go.drafts', () => go('drafts'));
  useCommand('go.inbox', () => goInbox('links'));
  useCommand('go.digest', () => goInbox('digest'));
  useCommand('go.calendar', () => go('calendar'));
  useCommand('go.blogs', () => go('blogs'));
  useCommand('go.settings', () => go('settings'));
  useCommand('go.trash', () => {
    go('drafts');
    requestDraft({ kind: 'trash' });
  });
  useCommand('file.newDraft', () => {
    go('drafts');
    requestDraft({ kind: 'new' });
  });
}
