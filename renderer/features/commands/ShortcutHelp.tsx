import { useEffect, useRef, useState } from 'react';
import { COMMANDS, keysFor, type CommandSpec } from '../../../shared/commands/catalog';
import { chordLabel } from '../../../shared/commands/keys';
import { fuzzyScore } from './fuzzy';
import { HOST, PLATFORM } from './platform';
import { DialogCloseButton } from '../../components/DialogCloseButton';

function keyLabels(command: CommandSpec, host: typeof HOST): string[] {
  if (command.keysText) return [command.keysText];
  return keysFor(command, PLATFORM, host).map((key) => chordLabel(key, PLATFORM));
}

/**
 * Ctrl/⌘+/: every shortcut, grouped as the menus are, searchable by name or key. The browser host
 * shows its own keys, and the desktop app's where they differ (the browser keeps some for itself).
 */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const shown = COMMANDS.filter((command) => command.keys || command.keysText).filter((command) => {
    if (!query.trim()) return true;
    const keys = keyLabels(command, HOST).join(' ');
    return (
      fuzzyScore(query, `${command.group} ${command.title}`) !== null ||
      keys.toLowerCase().includes(query.trim().toLowerCase())
    );
  });
  const groups = [...new Set(shown.map((command) => command.group))];

  return (
    <dialog
      ref={dialog}
      className="wide-dialog shortcut-help"
      aria-label="Keyboard shortcuts"
      onClose={onClose}
    >
      <header className="shortcut-help__head">
        <h2>Keyboard shortcuts</h2>
        <input
          type="search"
          className="shortcut-help__search"
          aria-label="Search shortcuts"
          placeholder="Search by name or key"
          autoFocus
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            // A search field takes Escape to clear itself; here Escape closes the help, as everywhere.
            if (event.key !== 'Escape') return;
            event.preventDefault();
            dialog.current?.close();
          }}
        />
        <DialogCloseButton dialog={dialog} />
      </header>
      {HOST === 'browser' && (
        <p className="muted shortcut-help__note">
          In the browser, a few keys differ from the desktop app, because the browser keeps them for itself.
        </p>
      )}
      <div className="shortcut-help__groups">
        {groups.map((group) => (
          <section key={group} className="shortcut-help__group" aria-label={group}>
            <h3>{group}</h3>
            <table>
              <tbody>
                {shown
                  .filter((command) => command.group === group)
                  .map((command) => {
                    const here = keyLabels(command, HOST);
                    const desktop = HOST === 'browser' ? keyLabels(command, 'electron') : here;
                    return (
                      <tr key={command.id}>
                        <th scope="row">{command.title}</th>
                        <td>
                          {here.map((label) => (
                            <kbd key={label}>{label}</kbd>
                          ))}
                          {desktop.join() !== here.join() && (
                            <span className="muted shortcut-help__desktop">
                              {' '}
                              desktop app: {desktop.join(', ')}
                            </span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </section>
        ))}
        {groups.length === 0 && <p className="muted">No shortcut matches “{query.trim()}”.</p>}
      </div>
    </dialog>
  );
}
