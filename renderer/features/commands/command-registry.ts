import {
  COMMANDS,
  keysFor,
  type CommandSpec,
  type HostKind,
  type Platform,
} from '../../../shared/commands/catalog';
import { canonicalChord, chordOfEvent, type KeyEventLike } from '../../../shared/commands/keys';

export interface CommandBinding {
  run: () => void;
  /** Whether the command applies now (a draft is open, the post is on a blog…). */
  when?: () => boolean;
}

const MAX_RECENT = 20;
const PALETTE = 'view.palette';

/**
 * What each command of the catalogue runs, bound by the part of the app it belongs to while that
 * part is on screen (the latest binding of an id wins), and the keys that run them. Menus, the
 * palette and the shortcut help read the catalogue; this decides what is possible now.
 */
export class CommandRegistry {
  private readonly bindings = new Map<string, CommandBinding[]>();
  private readonly listeners = new Set<() => void>();
  private readonly byChord = new Map<string, string[]>();
  private recent: string[] = [];
  private onRecentChange: (recent: string[]) => void = () => undefined;

  constructor(
    readonly platform: Platform,
    readonly host: HostKind,
  ) {
    for (const command of COMMANDS) {
      if ((command.scope ?? 'global') !== 'global') continue;
      for (const key of keysFor(command, platform, host)) {
        const chord = canonicalChord(key, platform);
        this.byChord.set(chord, [...(this.byChord.get(chord) ?? []), command.id]);
      }
    }
  }

  /** Binds `id` to what it runs; the cleanup unbinds it. */
  bind(id: string, binding: CommandBinding): () => void {
    const stack = this.bindings.get(id) ?? [];
    stack.push(binding);
    this.bindings.set(id, stack);
    this.notify();
    return () => {
      const current = this.bindings.get(id) ?? [];
      this.bindings.set(
        id,
        current.filter((entry) => entry !== binding),
      );
      this.notify();
    };
  }

  /** Whether the command can run now. */
  applies(id: string): boolean {
    const binding = this.bindings.get(id)?.at(-1);
    return Boolean(binding && (binding.when?.() ?? true));
  }

  /** Runs the command if it applies now; says whether it ran. */
  run(id: string): boolean {
    const binding = this.bindings.get(id)?.at(-1);
    if (!binding || !(binding.when?.() ?? true)) return false;
    if (id !== PALETTE) {
      this.recent = [id, ...this.recent.filter((other) => other !== id)].slice(0, MAX_RECENT);
      this.onRecentChange(this.recent);
    }
    binding.run();
    return true;
  }

  /** The command a key press runs, if one applies now. */
  commandForKey(event: KeyEventLike): string | null {
    const ids = this.byChord.get(chordOfEvent(event)) ?? [];
    return ids.find((id) => this.applies(id)) ?? null;
  }

  /** The commands the palette offers now: those that apply, the recently used first (not the palette itself). */
  available(): CommandSpec[] {
    const usable = COMMANDS.filter(
      (command) => !command.helpOnly && command.id !== PALETTE && this.applies(command.id),
    );
    const rank = (id: string) => {
      const index = this.recent.indexOf(id);
      return index === -1 ? MAX_RECENT : index;
    };
    return usable
      .map((command, order) => ({ command, order }))
      .sort((a, b) => rank(a.command.id) - rank(b.command.id) || a.order - b.order)
      .map((entry) => entry.command);
  }

  isRecent(id: string): boolean {
    return this.recent.includes(id);
  }

  /** Told when the recently used list changes, so it can be kept for the next launch. */
  onRecent(listener: (recent: string[]) => void) {
    this.onRecentChange = listener;
  }

  setRecent(recent: string[]) {
    this.recent = recent.slice(0, MAX_RECENT);
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify() {
    for (const listener of this.listeners) listener();
  }
}
