import { commandById, keysFor, type HostKind, type Platform } from '../../../shared/commands/catalog';
import { chordLabel } from '../../../shared/commands/keys';

/** macOS writes shortcuts with ⌘; everything else with Ctrl. */
export const PLATFORM: Platform =
  typeof navigator !== 'undefined' && navigator.platform.startsWith('Mac') ? 'mac' : 'other';

/** The desktop app exposes its preload bridge; the browser host does not. */
export const HOST: HostKind = typeof window !== 'undefined' && window.postwright ? 'electron' : 'browser';

/** The keys of a command as this host shows them ("Ctrl+Shift+P"), the first one only; '' when it has none. */
export function shortcutOf(id: string): string {
  const command = commandById(id);
  const key = command ? keysFor(command, PLATFORM, HOST)[0] : undefined;
  return key ? chordLabel(key, PLATFORM) : '';
}

/** "New draft (Ctrl+Alt+N)": a tooltip with the command's keys where it has some. */
export function withShortcut(label: string, id: string): string {
  const keys = shortcutOf(id);
  return keys ? `${label} (${keys})` : label;
}
