import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the callback page tells the author once the redirect has been handled. */
export interface RedirectOutcome {
  ok: boolean;
  message: string;
}

export interface LoopbackListener {
  /** `http://127.0.0.1:PORT/`: its page names the app (h-app), so a sign-in server can show it. */
  readonly clientId: string;
  readonly redirectUri: string;
  close(): Promise<void>;
}

/**
 * The desktop app's side of the redirect: a server on 127.0.0.1 at a random port that serves the
 * client page and hands the first `/callback` to `onRedirect`. Loopback addresses need no
 * registration (IndieAuth §4.2.2), and nothing else on the network can reach this port.
 */
export async function startLoopbackListener(
  appName: string,
  onRedirect: (params: URLSearchParams) => Promise<RedirectOutcome>,
): Promise<LoopbackListener> {
  let handled = false;
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, title: string, body: string) => {
      response.writeHead(status, {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
        'Referrer-Policy': 'no-referrer',
      });
      response.end(page(title, body));
    };
    if (request.method !== 'GET') return send(405, 'Not allowed', '<p>Only GET is served here.</p>');
    if (url.pathname === '/') {
      return send(
        200,
        appName,
        `<div class="h-app"><a class="u-url p-name" href="${clientId}">${escape(appName)}</a>` +
          `<p class="p-summary">${escape(appName)} is a desktop blogging client signing in to your site.</p></div>`,
      );
    }
    if (url.pathname !== '/callback') return send(404, 'Not found', '<p>Nothing here.</p>');
    if (handled) {
      return send(
        409,
        'Already handled',
        `<p>This sign-in has already been handled. Return to ${escape(appName)}.</p>`,
      );
    }
    handled = true;
    onRedirect(url.searchParams).then(
      (outcome) =>
        send(
          outcome.ok ? 200 : 400,
          outcome.ok ? 'Signed in' : 'Sign-in failed',
          `<p>${escape(outcome.message)}</p><p><strong>Return to ${escape(appName)}</strong>; you can close this tab.</p>`,
        ),
      (error: unknown) =>
        send(
          500,
          'Sign-in failed',
          `<p>${escape(String((error as Error)?.message ?? error))}</p><p>Return to ${escape(appName)}.</p>`,
        ),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const clientId = `http://127.0.0.1:${port}/`;
  return {
    clientId,
    redirectUri: `http://127.0.0.1:${port}/callback`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title>
<link rel="redirect_uri" href="/callback">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}</style></head>
<body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
