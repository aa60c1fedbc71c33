import type { Handlers } from '../../shared/contract';

/**
 * When the author last called the core, so work that can wait (loading the domains the first
 * screen does not need) waits for a pause in their typing instead of stalling the next keystroke:
 * loading a domain's modules holds the host's one thread for tens of milliseconds.
 */
export class CallPause {
  private lastCall = Number.NEGATIVE_INFINITY;

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** The same handlers, each noting when it was called. */
  watch(handlers: Handlers): Handlers {
    const watched: Record<string, unknown> = {};
    for (const [method, handler] of Object.entries(handlers) as [string, (...args: never[]) => unknown][]) {
      watched[method] = (...args: never[]) => {
        this.lastCall = this.now();
        return handler(...args);
      };
    }
    return watched as unknown as Handlers;
  }

  /**
   * Resolves once no call has come for `quietMs`, or after `atMostMs` whatever the calls: an author
   * who never pauses still gets the outbox resumed and the stores checked.
   */
  async pause(quietMs: number, atMostMs: number): Promise<void> {
    const deadline = this.now() + atMostMs;
    for (;;) {
      const now = this.now();
      const quietFor = now - this.lastCall;
      if (quietFor >= quietMs || now >= deadline) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(quietMs - quietFor, deadline - now)));
    }
  }
}
