import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoreFailure } from '../../shared/contract';
import type { DraftSave } from '../../shared/model/draft';
import type { Core } from '../../main/core/create-core';
import {
  AUTOSAVE_DELAY_MS,
  DraftSession,
  type BodySnapshot,
  type SaveState,
} from '../../renderer/features/editor/draft-session';
import { coreCaller } from '../support/core-call';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

// The renderer's save logic over a real core and data folder: what reaches the disk, and when.
// Timers are faked, so "after the pause" is a step of the clock, not a wait.

const tempDir = useTempDir('postwright-session-');
let core: Core;
let call: ReturnType<typeof coreCaller>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestIdleCallback', 'cancelIdleCallback'] });
  core = createTestCore(tempDir());
  call = coreCaller(core);
});

afterEach(async () => {
  vi.useRealTimers();
  await core.dispose();
});

/** A session on a new draft; every save it sends is recorded, then goes to the core unless `gate` holds it. */
async function openSession(options: { failures?: CoreFailure[] } = {}) {
  const draft = await call('drafts-create', { title: 'First', html: '<p>First</p>' });
  const sent: DraftSave[] = [];
  const failures = [...(options.failures ?? [])];
  let gate: Promise<void> = Promise.resolve();
  const session = new DraftSession(draft.id, draft, async (save) => {
    sent.push(save);
    await gate;
    const failure = failures.shift();
    if (failure) throw failure;
    return call('drafts-save', { draft: save });
  });
  let body: BodySnapshot = { editorState: '', html: draft.html };
  let reads = 0;
  session.attachBody(() => {
    reads += 1;
    return body;
  });
  return {
    draft,
    session,
    sent,
    reads: () => reads,
    type(html: string) {
      body = { editorState: '', html };
      session.markDirty();
    },
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = Promise.resolve();
        release();
      };
    },
  };
}

/** Lets typing pause long enough for the autosave timer and the idle callback after it to run. */
const pause = () => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS + 1);

/** Resolves when the session reports a state of this kind (the save indicator's own event). */
function until(session: DraftSession, kind: SaveState['kind']): Promise<SaveState> {
  return new Promise((resolve) => {
    const stop = session.subscribe((state) => {
      if (state.kind !== kind) return;
      stop();
      resolve(state);
    });
  });
}

describe('DraftSession', () => {
  it('saves once when typing pauses, reading the body only then', async () => {
    const { draft, session, sent, reads, type } = await openSession();
    for (const text of ['<p>H</p>', '<p>He</p>', '<p>Hel</p>', '<p>Hello</p>']) {
      type(text);
      await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    }
    expect(session.getState().kind).toBe('unsaved');
    expect(sent).toEqual([]);
    expect(reads()).toBe(0);

    const saved = until(session, 'saved');
    await pause();
    await saved;
    expect(sent.map((save) => save.html)).toEqual(['<p>Hello</p>']);
    expect(reads()).toBe(1);
    expect((await call('drafts-get', { id: draft.id })).html).toBe('<p>Hello</p>');
    expect(session.hasUnsavedChanges()).toBe(false);
  });

  it('flushes at once when the author switches drafts, and saves nothing more after', async () => {
    const { draft, session, sent, type } = await openSession();
    type('<p>Typed just before switching</p>');
    session.setFields({ title: 'Switched' });
    await session.flush();
    expect(sent).toHaveLength(1);
    expect(session.hasUnsavedChanges()).toBe(false);
    const stored = await call('drafts-get', { id: draft.id });
    expect([stored.title, stored.html]).toEqual(['Switched', '<p>Typed just before switching</p>']);

    session.dispose();
    await pause();
    expect(sent).toHaveLength(1);
  });

  it('never overlaps saves: a change made while one is on its way is saved right after it', async () => {
    const { draft, session, sent, type, hold } = await openSession();
    const release = hold();
    type('<p>One</p>');
    await pause();
    expect(sent.map((save) => save.html)).toEqual(['<p>One</p>']);
    expect(session.getState().kind).toBe('saving');

    type('<p>One, two</p>');
    const flushed = session.flush();
    await pause();
    expect(sent).toHaveLength(1);
    release();
    await flushed;
    expect(sent.map((save) => save.html)).toEqual(['<p>One</p>', '<p>One, two</p>']);
    expect(session.getState().kind).toBe('saved');
    expect((await call('drafts-get', { id: draft.id })).html).toBe('<p>One, two</p>');
  });

  it('keeps the change and retries when a save fails, saying so in one sentence', async () => {
    const { draft, session, sent, type } = await openSession({
      failures: [
        new CoreFailure('disconnected', 'Lost the connection to Postwright; try again.'),
        new CoreFailure('conflict', 'The draft changed on disk.'),
      ],
    });
    type('<p>Not lost</p>');
    const failed = until(session, 'error');
    await pause();
    expect(await failed).toEqual({
      kind: 'error',
      message: 'Not saved yet (Lost the connection to Postwright; try again.). Retrying…',
    });
    expect(session.hasUnsavedChanges()).toBe(true);

    // The retry fails too (the draft changed on disk), and the next one gets through.
    const again = until(session, 'error');
    await vi.advanceTimersByTimeAsync(5000);
    expect((await again).kind).toBe('error');
    const saved = until(session, 'saved');
    await vi.advanceTimersByTimeAsync(5000);
    await saved;
    expect(sent.map((save) => save.html)).toEqual(['<p>Not lost</p>', '<p>Not lost</p>', '<p>Not lost</p>']);
    expect((await call('drafts-get', { id: draft.id })).html).toBe('<p>Not lost</p>');
    expect(session.hasUnsavedChanges()).toBe(false);
  });
});
