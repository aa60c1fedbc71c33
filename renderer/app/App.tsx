import { useState } from 'react';
import { useCoreEvent, useCoreValue } from '../core/CoreContext';
import { SettingsView } from '../features/settings/SettingsView';
import { useRecheckWhenBack } from '../features/drafts/useRecheckWhenBack';
import { LinkIntake } from '../features/inbox/LinkIntake';
import { ProblemNotices } from './ProblemNotices';
import { SectionView } from './SectionView';
import { SECTIONS, type SectionId } from './sections';
import { Sidebar } from './Sidebar';
import { StatusBar } from './StatusBar';
import { useShortcuts } from './useShortcuts';
import { useTheme } from './useTheme';

/** The app frame: sidebar, the open section, and the status bar. */
export function App() {
  const [section, setSection] = useState<SectionId>('drafts');
  // Set by the status bar: the Blogs section opens with the outbox in view and focused, once.
  const [outboxWanted, setOutboxWanted] = useState(false);
  const [settings, setSettings] = useCoreValue((client) => client.call('settings-get', {}));
  useCoreEvent('settings-changed', setSettings);
  useTheme(settings?.theme);
  useRecheckWhenBack();
  useShortcuts(
    Object.fromEntries(SECTIONS.map((entry) => [`mod+${entry.shortcut}`, () => setSection(entry.id)])),
  );

  return (
    <div className="app" data-ready={settings ? 'true' : undefined}>
      <Sidebar current={section} onSelect={setSection} />
      <main className="app__main" id="main">
        <ProblemNotices />
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
    </div>
  );
}
