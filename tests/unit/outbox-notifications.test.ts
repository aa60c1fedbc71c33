import { describe, expect, it, vi } from 'vitest';
import type { OutboxJob } from '../../shared/model/publish';
import { createRouter } from '../../main/core/rpc/router';
import { silentLogger } from '../../main/core/platform/logger';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

// Electron's binary cannot run here, so its Notification is the one stand-in: it records what the
// desktop app would show. The core, its events and the router are real.
const shown = vi.hoisted(() => [] as { title: string; body: string }[]);
vi.mock('electron', () => ({
  Notification: class {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      shown.push(this.options);
    }
  },
}));
const { notifyOutbox } = await import('../../main/electron/outbox-notifications');
const tempDir = useTempDir();

const job = (patch: Partial<OutboxJob>): OutboxJob =>
  ({
    id: 'j1',
    action: 'publish',
    blogId: 'b1',
    blogName: 'Brighton notes',
    draftId: 'd1',
    postId: null,
    title: 'The pier at dusk',
    options: {},
    uploads: {},
    state: 'queued',
    reason: null,
    attempts: 0,
    nextAttemptAt: null,
    ambiguous: false,
    result: null,
    createdAt: '2026-12-03T10:00:00Z',
    updatedAt: '2026-12-03T10:00:00Z',
    ...patch,
  }) as OutboxJob;

describe('native notifications of the outbox', () => {
  it('tell when a publish that had to wait goes out, and stop when the app closes', async () => {
    const core = createTestCore(tempDir());
    try {
      const stop = notifyOutbox(core.events, createRouter(core.handlers, silentLogger));
      core.events.emit(
        'outbox-changed',
        job({ state: 'queued', attempts: 1, nextAttemptAt: '2026-12-03T11:00:00Z' }),
      );
      core.events.emit('outbox-changed', job({ state: 'done', attempts: 2 }));
      expect(shown).toEqual([
        { title: 'Published on Brighton notes', body: '“The pier at dusk” went out from the outbox.' },
      ]);
      stop();
      core.events.emit('outbox-changed', job({ id: 'j2', state: 'queued', attempts: 1, nextAttemptAt: 'x' }));
      core.events.emit('outbox-changed', job({ id: 'j2', state: 'failed', reason: 'Wrong password.' }));
      expect(shown).toHaveLength(1);
    } finally {
      await core.dispose();
    }
  });
});
