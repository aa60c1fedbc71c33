import type { Platform } from './catalog';

/**
 * Key chords as the catalogue writes them ("mod+shift+p"), in the three forms the app needs: a
 * canonical form to compare (mod resolved to meta on macOS, ctrl elsewhere), a label to show (⌘⇧P,
 * Ctrl+Shift+P) and an Electron accelerator (CmdOrCtrl+Shift+P).
 */

const MODIFIER_ORDER = ['ctrl', 'alt', 'shift', 'meta'] as const;
type Modifier = (typeof MODIFIER_ORDER)[number];

export interface Chord {
  modifiers: Set<Modifier>;
  key: string;
}

export function parseChord(text: string, platform: Platform): Chord {
  const parts = text.toLowerCase().split('+');
  // "mod++" would be a plus key; no command uses it, so the last part is always the key.
  const key = parts.pop() ?? '';
  const modifiers = new Set<Modifier>();
  for (const part of parts) {
    if (part === 'mod') modifiers.add(platform === 'mac' ? 'meta' : 'ctrl');
    else if (part === 'cmd') modifiers.add('meta');
    else if ((MODIFIER_ORDER as readonly string[]).includes(part)) modifiers.add(part as Modifier);
    else throw new Error(`Unknown modifier "${part}" in the key chord "${text}".`);
  }
  if (!key) throw new Error(`The key chord "${text}" names no key.`);
  return { modifiers, key };
}

/** One spelling per chord, so two commands on the same keys compare equal. */
export function canonicalChord(text: string, platform: Platform): string {
  const chord = parseChord(text, platform);
  return [...MODIFIER_ORDER.filter((modifier) => chord.modifiers.has(modifier)), chord.key].join('+');
}

const CODE_KEYS: Record<string, string> = {
  Slash: '/',
  Comma: ',',
  Period: '.',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\',
  Minus: '-',
  Equal: '=',
  Backquote: '`',
};

/** The key of a keyboard event as the catalogue names it, whatever Alt or Shift turned it into. */
export function eventKey(event: { key: string; code: string }): string {
  const key = event.key.toLowerCase();
  if (/^[a-z0-9]$/.test(key)) return key;
  const letter = /^Key([A-Z])$/.exec(event.code) ?? /^Digit([0-9])$/.exec(event.code);
  if (letter) return letter[1]!.toLowerCase();
  if (event.code in CODE_KEYS) return CODE_KEYS[event.code]!;
  return key;
}

export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
}

/** The canonical chord a keyboard event makes. */
export function chordOfEvent(event: KeyEventLike): string {
  const held: Record<Modifier, boolean> = {
    ctrl: event.ctrlKey,
    alt: event.altKey,
    shift: event.shiftKey,
    meta: event.metaKey,
  };
  return [...MODIFIER_ORDER.filter((modifier) => held[modifier]), eventKey(event)].join('+');
}

const KEY_NAMES: Record<string, { label: string; mac?: string; accelerator: string }> = {
  enter: { label: 'Enter', mac: '↩', accelerator: 'Enter' },
  arrowup: { label: '↑', accelerator: 'Up' },
  arrowdown: { label: '↓', accelerator: 'Down' },
  arrowleft: { label: '←', accelerator: 'Left' },
  arrowright: { label: '→', accelerator: 'Right' },
  delete: { label: 'Delete', mac: '⌦', accelerator: 'Delete' },
  backspace: { label: 'Backspace', mac: '⌫', accelerator: 'Backspace' },
  escape: { label: 'Esc', accelerator: 'Escape' },
  home: { label: 'Home', accelerator: 'Home' },
  end: { label: 'End', accelerator: 'End' },
  tab: { label: 'Tab', mac: '⇥', accelerator: 'Tab' },
  ',': { label: ',', accelerator: ',' },
  '/': { label: '/', accelerator: '/' },
};

function keyLabel(key: string, platform: Platform): string {
  const named = KEY_NAMES[key];
  if (named) return (platform === 'mac' && named.mac) || named.label;
  return key.toUpperCase();
}

const MAC_SYMBOLS: Record<Modifier, string> = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' };
const OTHER_NAMES: Record<Modifier, string> = { ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift', meta: 'Win' };

/** "⌘⇧P" on macOS, "Ctrl+Shift+P" elsewhere. */
export function chordLabel(text: string, platform: Platform): string {
  const chord = parseChord(text, platform);
  const held = MODIFIER_ORDER.filter((modifier) => chord.modifiers.has(modifier));
  const key = keyLabel(chord.key, platform);
  if (platform === 'mac') return `${held.map((modifier) => MAC_SYMBOLS[modifier]).join('')}${key}`;
  return [...held.map((modifier) => OTHER_NAMES[modifier]), key].join('+');
}

/** Electron's accelerator for a chord: "CmdOrCtrl+Shift+P", "F1", "CmdOrCtrl+/". */
export function accelerator(text: string): string {
  const parts = text.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  const names: Record<string, string> = {
    mod: 'CmdOrCtrl',
    cmd: 'Command',
    ctrl: 'Control',
    alt: 'Alt',
    shift: 'Shift',
    meta: 'Super',
  };
  const keyName = KEY_NAMES[key]?.accelerator ?? key.toUpperCase();
  return [...parts.map((part) => names[part] ?? part), keyName].join('+');
}
