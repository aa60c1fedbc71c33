import { describe, expect, it } from 'vitest';
import {
  BROWSER_RESERVED_KEYS,
  COMMANDS,
  keysFor,
  type HostKind,
  type Platform,
} from '../../shared/commands/catalog';
import { accelerator, canonicalChord, chordLabel, chordOfEvent } from '../../shared/commands/keys';
import { CommandRegistry } from '../../renderer/features/commands/command-registry';
import { fuzzyFilter } from '../../renderer/features/commands/fuzzy';

const PLATFORMS: Platform[] = ['mac', 'other'];
const HOSTS: HostKind[] = ['electron', 'browser'];

function press(
  key: string,
  code: string,
  held: Partial<Record<'ctrl' | 'alt' | 'shift' | 'meta', boolean>> = {},
) {
  return {
    key,
    code,
    ctrlKey: held.ctrl ?? false,
    altKey: held.alt ?? false,
    shiftKey: held.shift ?? false,
    metaKey: held.meta ?? false,
  };
}

describe('the command catalogue', () => {
  it('has one entry per id', () => {
    const ids = COMMANDS.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const platform of PLATFORMS)
    for (const host of HOSTS)
      it(`gives no two commands the same keys where both work (${platform}, ${host})`, () => {
        const owners = new Map<string, string>();
        const clashes: string[] = [];
        for (const command of COMMANDS) {
          const scope = command.scope ?? 'global';
          for (const key of keysFor(command, platform, host)) {
            const chord = canonicalChord(key, platform);
            // A global key runs everywhere, so it may clash with no scope; scoped keys only within theirs.
            const places = scope === 'global' ? ['global', 'editor', 'list'] : ['global', scope];
            for (const place of places) {
              const other = owners.get(`${place}:${chord}`);
              if (other && other !== command.id) clashes.push(`${chord}: ${other} and ${command.id}`);
            }
            owners.set(`${scope}:${chord}`, command.id);
          }
        }
        expect(clashes).toEqual([]);
      });

  for (const platform of PLATFORMS)
    it(`offers the browser host no key the browser keeps for itself (${platform})`, () => {
      const reserved = new Set(BROWSER_RESERVED_KEYS.map((key) => canonicalChord(key, platform)));
      const taken = COMMANDS.flatMap((command) =>
        keysFor(command, platform, 'browser')
          .filter((key) => reserved.has(canonicalChord(key, platform)))
          .map((key) => `${command.id}: ${key}`),
      );
      expect(taken).toEqual([]);
    });

  it('gives every command a title, a group, and a shortcut the palette can show', () => {
    for (const command of COMMANDS) {
      expect(command.title.trim(), command.id).not.toBe('');
      expect(command.group.trim(), command.id).not.toBe('');
      for (const platform of PLATFORMS)
        for (const key of keysFor(command, platform, 'electron'))
          expect(() => chordLabel(key, platform)).not.toThrow();
    }
  });

  it('shows each host the keys that work there', () => {
    const newDraft = COMMANDS.find((command) => command.id === 'file.newDraft')!;
    expect(chordLabel(keysFor(newDraft, 'other', 'electron')[0]!, 'other')).toBe('Ctrl+N');
    expect(chordLabel(keysFor(newDraft, 'other', 'browser')[0]!, 'other')).toBe('Ctrl+Alt+N');
    expect(chordLabel(keysFor(newDraft, 'mac', 'electron')[0]!, 'mac')).toBe('⌘N');
    expect(chordLabel('mod+shift+p', 'mac')).toBe('⇧⌘P');
    expect(accelerator('mod+shift+p')).toBe('CmdOrCtrl+Shift+P');
    expect(accelerator('mod+enter')).toBe('CmdOrCtrl+Enter');
    expect(accelerator('f1')).toBe('F1');
  });
});

describe('key presses', () => {
  it('read as the catalogue writes them, whatever Alt or Shift made of the key', () => {
    expect(chordOfEvent(press('P', 'KeyP', { ctrl: true, shift: true }))).toBe(
      canonicalChord('mod+shift+p', 'other'),
    );
    expect(chordOfEvent(press('π', 'KeyP', { meta: true, alt: true }))).toBe(
      canonicalChord('mod+alt+p', 'mac'),
    );
    expect(chordOfEvent(press('/', 'Slash', { ctrl: true }))).toBe(canonicalChord('mod+/', 'other'));
    expect(chordOfEvent(press('F1', 'F1'))).toBe('f1');
    expect(chordOfEvent(press('Enter', 'Enter', { ctrl: true }))).toBe('ctrl+enter');
  });

  it('run the command bound to them, only while it applies', () => {
    const registry = new CommandRegistry('other', 'browser');
    let opened = 0;
    let open = false;
    const unbind = registry.bind('view.palette', { run: () => opened++, when: () => open });
    const key = press('P', 'KeyP', { ctrl: true, shift: true });
    expect(registry.commandForKey(key)).toBeNull();
    open = true;
    expect(registry.commandForKey(key)).toBe('view.palette');
    expect(registry.run('view.palette')).toBe(true);
    expect(opened).toBe(1);
    unbind();
    expect(registry.commandForKey(key)).toBeNull();
    // Ctrl+N is the browser's; the browser host's New Draft is Ctrl+Alt+N.
    registry.bind('file.newDraft', { run: () => undefined });
    expect(registry.commandForKey(press('n', 'KeyN', { ctrl: true }))).toBeNull();
    expect(registry.commandForKey(press('n', 'KeyN', { ctrl: true, alt: true }))).toBe('file.newDraft');
  });
});

describe('the palette', () => {
  it('lists the commands used last first, and never itself', () => {
    const registry = new CommandRegistry('other', 'electron');
    const kept: string[][] = [];
    registry.onRecent((recent) => kept.push(recent));
    for (const id of ['view.palette', 'go.inbox', 'go.blogs', 'file.save'])
      registry.bind(id, { run: () => undefined });
    registry.run('go.blogs');
    registry.run('view.palette');
    registry.run('file.save');
    expect(registry.available().map((command) => command.id)).toEqual(['file.save', 'go.blogs', 'go.inbox']);
    expect(kept.at(-1)).toEqual(['file.save', 'go.blogs']);
  });

  it('searches fuzzily, best match first', () => {
    const titles = ['Open Draft…', 'New Draft', 'Toggle Preview', 'Publish'];
    expect(fuzzyFilter(titles, 'nd', (title) => title)).toEqual(['New Draft', 'Open Draft…']);
    expect(fuzzyFilter(titles, 'prev', (title) => title)).toEqual(['Toggle Preview']);
    expect(fuzzyFilter(titles, 'zzz', (title) => title)).toEqual([]);
  });
});
