import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { expect, test } from './support/fixtures';

/** A raw request, so the test controls every header (fetch would not let it set Host). */
function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function openSocket(port: number, headers: Record<string, string>) {
  return new Promise<string>((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/core`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    socket.on('error', () => resolve('error'));
  });
}

test.describe('the browser host refuses strangers', () => {
  test.skip(({ hostKind }) => hostKind === 'electron', 'only the browser host listens on a port');

  test('a request without the token, or with a wrong one, is refused', async ({ app }) => {
    const { port, url } = app.host();
    const token = new URL(url).searchParams.get('token')!;
    expect(await get(port, '/')).toBe(401);
    expect(await get(port, '/index.html')).toBe(401);
    expect(await get(port, '/?token=wrong')).toBe(403);
    expect(await get(port, `/?token=${token}`)).toBe(303);
  });

  test('a foreign Host header is refused even with the token (DNS rebinding)', async ({ app }) => {
    const { port, url } = app.host();
    const token = new URL(url).searchParams.get('token')!;
    expect(await get(port, `/?token=${token}`, { Host: `evil.example:${port}` })).toBe(403);
    expect(await get(port, `/?token=${token}`, { Host: `localhost:${port}` })).toBe(303);
  });

  test('a WebSocket from a foreign Origin or without the token is refused', async ({ app }) => {
    const { port, url } = app.host();
    const cookie = `postwright_${port}=${new URL(url).searchParams.get('token')}`;
    expect(await openSocket(port, { Origin: `http://127.0.0.1:${port}` })).toBe('401');
    expect(await openSocket(port, { Origin: 'http://evil.example', Cookie: cookie })).toBe('403');
    expect(await openSocket(port, { Origin: `http://127.0.0.1:${port}`, Cookie: cookie })).toBe('open');
  });

  test('the page in the browser cannot be opened without the token', async ({ app, workerBrowser }) => {
    const page = await workerBrowser.newPage();
    const response = await page.goto(`http://127.0.0.1:${app.host().port}/`);
    expect(response?.status()).toBe(401);
    await expect(page.locator('body')).toContainText('Open Postwright with the link it printed');
    await page.close();
  });
});
