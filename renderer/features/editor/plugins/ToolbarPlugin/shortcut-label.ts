const isMac = typeof navigator !== 'undefined' && navigator.platform.startsWith('Mac');

/** "⌘⇧Z" on macOS, "Ctrl+Shift+Z" elsewhere: what tooltips show. */
export function shortcutLabel(key: string, shift = false): string {
  return isMac ? `⌘${shift ? '⇧' : ''}${key}` : `Ctrl+${shift ? 'Shift+' : ''}${key}`;
}
