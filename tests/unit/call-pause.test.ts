import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { CallPause } from '../../main/core/call-pause';

/** A pause that reports the moment it resolved, while `handlers` are called on the fake clock. */
function setUp() {
  const calls = new CallPause(() => Date.now());
  const calledWith: unknown[] = [];
  const handlers = calls.watch({
    'drafts-page': (args: unknown) => {
      calledWith.push(args);
      return 'page';
    },
  } as unknown as Handlers) as unknown as Record<'drafts-page', (args: unknown) => unknown>;
  const pausedAt = (quietMs: number, atMostMs: number) => {
    let at: number | undefined;
    void calls.pause(quietMs, atMostMs).then(() => (at = Date.now()));
    return () => at;
  };
  return { handlers, calledWith, pausedAt };
}

describe('the warm-up waits for a pause in the author’s calls', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  it('goes on at once when nobody is calling', async () => {
    const { pausedAt } = setUp();
    const at = pausedAt(400, 2_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(at()).toBe(0);
  });

  it('waits while keystrokes come, then goes on once they have stopped for the quiet time', async () => {
    const { handlers, calledWith, pausedAt } = setUp();
    handlers['drafts-page']({ query: 'c' });
    const at = pausedAt(400, 2_000);
    // A keystroke every 150 ms for 900 ms: each keeps the warm-up waiting.
    for (let typed = 1; typed <= 6; typed += 1) {
      await vi.advanceTimersByTimeAsync(150);
      expect(at()).toBeUndefined();
      expect(handlers['drafts-page']({ query: 'council'.slice(0, typed + 1) })).toBe('page');
    }
    await vi.advanceTimersByTimeAsync(399);
    expect(at()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(at()).toBe(900 + 400);
    // The watched handler passed every call through unchanged.
    expect(calledWith.at(-1)).toEqual({ query: 'council' });
  });

  it('goes on after the longest wait even if the calls never pause', async () => {
    const { handlers, pausedAt } = setUp();
    handlers['drafts-page']({ query: 'x' });
    const at = pausedAt(400, 2_000);
    for (let elapsed = 0; elapsed < 3_000; elapsed += 100) {
      handlers['drafts-page']({ query: 'x' });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(at()).toBe(2_000);
  });
});
