import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useUiState } from '../../app/UiStateContext';
import { useCore } from '../../core/CoreContext';
import { CommandRegistry, type CommandBinding } from './command-registry';
import { CommandPalette, type PaletteMode } from './CommandPalette';
import './commands.css';
import { HOST, PLATFORM } from './platform';
import { ShortcutHelp } from './ShortcutHelp';

interface CommandsValue {
  registry: CommandRegistry;
  openPalette(mode?: PaletteMode): void;
}

const CommandsContext = createContext<CommandsValue | null>(null);

function useCommands(): CommandsValue {
  const value = useContext(CommandsContext);
  if (!value) throw new Error('CommandsProvider is missing');
  return value;
}

/**
 * Binds a catalogue command to what it runs while the calling component is on screen:
 * `useCommand('file.save', () => session.flush(), () => open !== null)`. The latest `run` and
 * `when` are always used.
 */
export function useCommand(id: string, run: () => void, when?: () => boolean) {
  const { registry } = useCommands();
  const latest = useRef({ run, when });
  useEffect(() => {
    latest.current = { run, when };
  });
  useEffect(() => {
    const binding: CommandBinding = {
      run: () => latest.current.run(),
      when: () => latest.current.when?.() ?? true,
    };
    return registry.bind(id, binding);
  }, [registry, id]);
}

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof Element && Boolean(target.closest('input, textarea, select, [contenteditable="true"]'))
  );
}

/**
 * The app's commands: the registry, the keys that run them (caught before the editor sees them), the
 * desktop menu's choices (pushed by the host as `app-command`), the palette and the shortcut help.
 */
export function CommandsProvider({ children }: { children: ReactNode }) {
  const core = useCore();
  const ui = useUiState();
  const [registry] = useState(() => {
    const created = new CommandRegistry(PLATFORM, HOST);
    created.setRecent(ui.state.recentCommands);
    return created;
  });
  useEffect(() => {
    registry.onRecent((recentCommands) => ui.update({ recentCommands }));
  }, [registry, ui]);
  const [palette, setPalette] = useState<PaletteMode | null>(null);
  const [help, setHelp] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const id = registry.commandForKey(event);
      // F1 and other keys without a modifier stay the field's own while someone types in one.
      if (!id || (isEditable(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey)) return;
      event.preventDefault();
      event.stopPropagation();
      registry.run(id);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [registry]);

  // A draft to open (a postwright:// link, a file the system handed over) is App's to handle.
  useEffect(
    () => core.on('app-command', ({ id, draftId }) => void (draftId === undefined && registry.run(id))),
    [core, registry],
  );

  const value: CommandsValue = { registry, openPalette: (mode = 'commands') => setPalette(mode) };
  return (
    <CommandsContext.Provider value={value}>
      <PaletteAndHelpCommands
        onPalette={() => setPalette('commands')}
        onOpen={() => setPalette('drafts')}
        onFromTemplate={() => setPalette('templates')}
        onHelp={() => setHelp(true)}
      />
      {children}
      {palette && <CommandPalette registry={registry} mode={palette} onClose={() => setPalette(null)} />}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </CommandsContext.Provider>
  );
}

function PaletteAndHelpCommands({
  onPalette,
  onOpen,
  onFromTemplate,
  onHelp,
}: {
  onPalette: () => void;
  onOpen: () => void;
  onFromTemplate: () => void;
  onHelp: () => void;
}) {
  useCommand('view.palette', onPalette);
  useCommand('file.open', onOpen);
  useCommand('file.newFromTemplate', onFromTemplate);
  useCommand('help.shortcuts', onHelp);
  return null;
}
