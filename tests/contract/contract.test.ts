import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { joinDomains, method } from '../../shared/contract/define';
import { createCoreClient } from '../../shared/contract/client';
import { CoreFailure, type Transport } from '../../shared/contract';
import { createMemoryTransportPair } from '../../shared/contract/memory-transport';
import { CONCURRENT_REQUESTS, QUEUED_REQUESTS, serveConnection } from '../../main/core/rpc/serve-connection';
import { createStreamLogger } from '../../main/core/platform/logger';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

function connect() {
  const core = createTestCore(tempDir());
  const [clientSide, serverSide] = createMemoryTransportPair();
  const lines: string[] = [];
  const stop = serveConnection(
    core,
    serverSide,
    createStreamLogger('warn', (line) => lines.push(line)),
  );
  return { client: createCoreClient(clientSide), raw: clientSide, core, stop, lines };
}

/** Sends a raw message and waits for the reply with that id (or a null id). */
function rawCall(transport: Transport, message: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const stop = transport.onMessage((reply) => {
      stop();
      resolve(reply as Record<string, unknown>);
    });
    transport.send(message as never);
  });
}

describe('the contract over the in-memory transport', () => {
  it('round-trips a call and validates its result type at compile time', async () => {
    const { client } = connect();
    const settings = await client.call('settings-get', {});
    expect(settings.theme).toBe('system');
    const info = await client.call('app-info', {});
    expect(info.name).toBe('Postwright');
    expect(info.secretStore.secure).toBe(false);
  });

  it('pushes events to the client and the subscription returns its cleanup', async () => {
    const { client } = connect();
    const seen: string[] = [];
    const stop = client.on('settings-changed', (settings) => seen.push(settings.theme));
    await client.call('settings-update', { patch: { theme: 'dark' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();
    await client.call('settings-update', { patch: { theme: 'light' } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual(['dark']);
  });

  it('answers bad arguments with an invalid-args error, not a crash', async () => {
    const { client, lines } = connect();
    const call = client.call('settings-update', { patch: { theme: 'purple' } } as never);
    await expect(call).rejects.toBeInstanceOf(CoreFailure);
    await expect(call).rejects.toMatchObject({ code: 'invalid-args' });
    await expect(client.call('jobs-cancel', { id: 42 } as never)).rejects.toMatchObject({
      code: 'invalid-args',
    });
    await expect(
      client.call('settings-update', { patch: { theme: 'dark' }, extra: 1 } as never),
    ).rejects.toMatchObject({
      code: 'invalid-args',
    });
    expect(lines).toEqual([]);
  });

  it('answers an unknown method and a malformed envelope with an error code and a log line', async () => {
    const { raw, lines } = connect();
    expect(await rawCall(raw, { id: 7, method: 'drop-database', args: {} })).toMatchObject({
      id: 7,
      ok: false,
      error: { code: 'unknown-method' },
    });
    expect(await rawCall(raw, { id: 'x', method: 42 })).toMatchObject({
      id: null,
      ok: false,
      error: { code: 'bad-message' },
    });
    expect(await rawCall(raw, 'not even an object')).toMatchObject({
      ok: false,
      error: { code: 'bad-message' },
    });
    expect(lines.length).toBe(3);
  });

  it('turns a handler that throws into an internal error reply', async () => {
    const { client, core } = connect();
    core.handlers['app-info'] = () => {
      throw new Error('disk on fire');
    };
    await expect(client.call('app-info', {})).rejects.toMatchObject({
      code: 'internal',
      message: /disk on fire/,
    });
  });

  it('a not-found error carries its code and sentence to the client', async () => {
    const { client } = connect();
    await expect(client.call('jobs-cancel', { id: 'gone' })).rejects.toMatchObject({
      code: 'not-found',
      message: 'That background task has already finished.',
    });
  });

  it('drafts-page answers one window of the drafts list, searched or not, with the total', async () => {
    const { client } = connect();
    for (let n = 1; n <= 7; n += 1)
      await client.call('drafts-create', {
        title: `Post ${n}`,
        html: n % 2 ? '<p>About the harbour</p>' : '<p>About the hills</p>',
      });
    const all = await client.call('drafts-list', {});
    expect(all).toHaveLength(7);

    const second = await client.call('drafts-page', { offset: 3, limit: 3 });
    expect(second.total).toBe(7);
    expect(second.items.map((d) => d.id)).toEqual(all.slice(3, 6).map((d) => d.id));
    const last = await client.call('drafts-page', { offset: 6, limit: 3 });
    expect(last.items.map((d) => d.id)).toEqual([all[6]!.id]);
    expect(await client.call('drafts-page', { offset: 20, limit: 3 })).toEqual({ items: [], total: 7 });

    const harbour = await client.call('drafts-list', { query: 'harbour' });
    const found = await client.call('drafts-page', { query: 'harbour', offset: 1, limit: 2 });
    expect(found.total).toBe(4);
    expect(found.items.map((d) => d.title)).toEqual(harbour.slice(1, 3).map((d) => d.title));
    expect(await client.call('drafts-page', { trash: true, offset: 0, limit: 10 })).toEqual({
      items: [],
      total: 0,
    });

    await expect(client.call('drafts-page', { offset: 0, limit: 501 })).rejects.toMatchObject({
      code: 'invalid-args',
    });
    await expect(client.call('drafts-page', { offset: -1, limit: 10 })).rejects.toMatchObject({
      code: 'invalid-args',
    });
  });

  it('stops answering and pushing after the connection is closed', async () => {
    const { client, stop } = connect();
    stop();
    const seen: unknown[] = [];
    client.on('settings-changed', (value) => seen.push(value));
    const result = await Promise.race([
      client.call('settings-get', {}).then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('silent'), 50)),
    ]);
    expect(result).toBe('silent');
    client.failPending('disconnected', 'gone');
  });

  it('handles a few requests of one client at a time, queues more, and refuses a flood', async () => {
    const { raw, core, stop } = connect();
    const replies: Record<string, unknown>[] = [];
    const total = CONCURRENT_REQUESTS + QUEUED_REQUESTS + 40;
    const all = new Promise<void>((resolve) => {
      raw.onMessage((reply) => {
        replies.push(reply as Record<string, unknown>);
        if (replies.length === total) resolve();
      });
    });
    for (let id = 1; id <= total; id++) raw.send({ id, method: 'drafts-list', args: {} } as never);
    await all;
    const refused = replies.filter((reply) => !reply.ok);
    expect(replies.filter((reply) => reply.ok)).toHaveLength(CONCURRENT_REQUESTS + QUEUED_REQUESTS);
    expect(refused).toHaveLength(40);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: { message: 'Too many requests at once; try again in a moment.' },
    });
    stop();
    await core.dispose();
  });
});

describe('the contract', () => {
  it('refuses two domains that define a method with the same name', () => {
    const drafts = { 'drafts-get': method(z.object({ id: z.string() })).returns<string>() };
    const other = { 'drafts-get': method(z.object({})).returns<number>() };
    expect(() => joinDomains(drafts, other)).toThrow('Two domains of the contract define "drafts-get".');
    expect(Object.keys(joinDomains(drafts, { 'drafts-list': method(z.object({})).returns<[]>() }))).toEqual([
      'drafts-get',
      'drafts-list',
    ]);
  });
});
