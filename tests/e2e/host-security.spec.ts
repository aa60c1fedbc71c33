import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { AppShell } from './pages/AppShell';
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

  test('the token leaves the address at once, and no page tells another site where it came from', async ({
    app,
  }) => {
    // Another site the author reaches from the app: it records what a browser tells it.
    const referers: (string | undefined)[] = [];
    const elsewhere = createServer((request, response) => {
      if (request.url === '/landing') referers.push(request.headers.referer);
      response.writeHead(200, { 'Content-Type': 'text/html' }).end('<title>Elsewhere</title>');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/landing`;
    try {
      const { url } = app.host();
      const first = await fetch(url, { redirect: 'manual' });
      expect(first.status).toBe(303);
      expect(first.headers.get('location')).not.toContain('token');
      expect(first.headers.get('referrer-policy')).toBe('no-referrer');
      expect(first.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Lax/);

      const page = await app.open();
      await new AppShell(page).waitUntilReady();
      expect(page.url()).not.toContain('token');
      const shown = await page.evaluate(() => ({ href: location.href, cookie: document.cookie }));
      expect(shown.href).not.toContain('token');
      expect(shown.cookie).toBe(''); // HttpOnly: no script in the page can read it

      // A link followed from the app, as a person clicks it.
      await page.evaluate((href) => {
        const link = document.createElement('a');
        link.href = href;
        link.textContent = 'Elsewhere';
        document.body.append(link);
      }, elsewhereUrl);
      await page.getByRole('link', { name: 'Elsewhere' }).click();
      await expect(page).toHaveTitle('Elsewhere');
      expect(referers).toEqual([undefined]);
    } finally {
      elsewhere.closeAllConnections();
      await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
    }
  });
});
