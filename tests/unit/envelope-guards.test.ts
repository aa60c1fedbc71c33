import { describe, expect, it } from 'vitest';
import { createCoreClient } from '../../shared/contract/client';
import { asPush, asReply } from '../../shared/contract/envelope';
import type { Transport } from '../../shared/contract/transport';

describe('what the window takes from the wire', () => {
  it('reads replies and push events as they are sent, and only the fields it knows', () => {
    expect(asReply({ id: 3, ok: true, value: { a: 1 }, extra: 'x' })).toEqual({
      id: 3,
      ok: true,
      value: { a: 1 },
    });
    expect(asReply({ id: null, ok: true })).toEqual({ id: null, ok: true, value: undefined });
    expect(
      asReply({ id: 4, ok: false, error: { code: 'not-found', message: 'Gone.', detail: [1] } }),
    ).toEqual({
      id: 4,
      ok: false,
      error: { code: 'not-found', message: 'Gone.', detail: [1] },
    });
    expect(asPush({ event: 'drafts-changed', payload: { ids: [] }, id: 9 })).toEqual({
      event: 'drafts-changed',
      payload: { ids: [] },
    });
  });

  it('takes nothing else for a reply or an event', () => {
    for (const message of [
      null,
      'text',
      42,
      [],
      [{ id: 1, ok: true }],
      { id: '1', ok: true, value: 1 },
      { id: 1, ok: 'true', value: 1 },
      { id: 1, ok: false },
      { id: 1, ok: false, error: 'Gone.' },
      { id: 1, ok: false, error: { code: 'not-found' } },
      { id: 1, ok: false, error: { code: 7, message: 'Gone.' } },
      { ok: true, value: 1 },
    ])
      expect(asReply(message), JSON.stringify(message)).toBeNull();
    for (const message of [null, [], { event: 3, payload: 1 }, { payload: 1 }, 'drafts-changed'])
      expect(asPush(message), JSON.stringify(message)).toBeNull();
  });

  it('a window that receives garbage keeps waiting for the real answer, and gets it', async () => {
    let deliver: (message: unknown) => void = () => undefined;
    const sent: unknown[] = [];
    const transport: Transport = {
      send: (message) => void sent.push(message),
      onMessage: (listener) => {
        deliver = listener;
        return () => undefined;
      },
    } as Transport;
    const client = createCoreClient(transport);
    const answer = client.call('settings-get', {});
    for (const garbage of [{ id: 1, ok: 'yes' }, { id: '1', ok: true, value: 'wrong' }, [1], null])
      deliver(garbage);
    deliver({ id: 1, ok: true, value: 'right' });
    await expect(answer).resolves.toBe('right');
  });
});
