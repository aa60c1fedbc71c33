import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type RunningBrowserHost } from '../../main/host/browser-host';
import { createStreamLogger } from '../../main/core/platform/logger';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
let host: RunningBrowserHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

async function start() {
  const rendererDir = tempDir();
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Postwright</title>');
  const logs: string[] = [];
  host = await startBrowserHost({
    core: createTestCore(tempDir()),
    port: 0,
    rendererDir,
    logger: createStreamLogger('warn', (line) => logs.push(line)),
  });
  return { host, logs };
}

/** An authorised socket, and a helper that sends raw text and waits for the next message. */
async function socketTo(running: RunningBrowserHost) {
  const token = new URL(running.url).searchParams.get('token');
  const socket = new WebSocket(`ws://127.0.0.1:${running.port}/core`, {
    headers: { Origin: `http://127.0.0.1:${running.port}`, Cookie: `postwright_${running.port}=${token}` },
  });
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const next = (text: string) =>
    new Promise<Record<string, unknown>>((resolve) => {
      socket.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>));
      socket.send(text);
    });
  return { socket, next };
}

describe('the browser host under bad input', () => {
  it('answers malformed frames, unknown methods and wrong arguments, and keeps serving', async () => {
    const { host: running, logs } = await start();
    const { socket, next } = await socketTo(running);
    expect(await next('{not json')).toMatchObject({ id: null, ok: false, error: { code: 'bad-message' } });
    expect(await next('[1,2,3]')).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(await next(JSON.stringify({ id: 1, method: 'nope', args: {} }))).toMatchObject({
      id: 1,
      error: { code: 'unknown-method' },
    });
    expect(
      await next(JSON.stringify({ id: 2, method: 'settings-update', args: { patch: 5 } })),
    ).toMatchObject({
      id: 2,
      error: { code: 'invalid-args' },
    });
    expect(await next(JSON.stringify({ id: 3, method: 'settings-get', args: {} }))).toMatchObject({
      id: 3,
      ok: true,
    });
    expect(logs.length).toBeGreaterThanOrEqual(3);
    socket.close();
  });

  it('survives a client that disconnects in the middle of a call', async () => {
    const { host: running } = await start();
    for (let round = 0; round < 5; round++) {
      const { socket } = await socketTo(running);
      socket.send(JSON.stringify({ id: 1, method: 'settings-update', args: { patch: { theme: 'dark' } } }));
      socket.terminate();
    }
    // The host still answers, and the change a dropped client sent was kept: it lands once its
    // write (under the settings lock) is done, which may be just after this first question.
    const { socket, next } = await socketTo(running);
    let id = 9;
    await expect
      .poll(async () => next(JSON.stringify({ id: id++, method: 'settings-get', args: {} })))
      .toMatchObject({ ok: true, value: { theme: 'dark' } });
    socket.close();
  });

  it('serves the renderer with a strict Content-Security-Policy once the token is presented', async () => {
    const { host: running } = await start();
    const first = await fetch(running.url, { redirect: 'manual' });
    expect(first.status).toBe(303);
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    expect(first.headers.get('set-cookie')).toContain('HttpOnly');
    const page = await fetch(`http://127.0.0.1:${running.port}/`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const missing = await fetch(`http://127.0.0.1:${running.port}/../../etc/passwd`, {
      headers: { Cookie: cookie },
    });
    expect(missing.status).toBe(404);
  });
});
