import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocketServer } from 'ws';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../shared/contract/transport';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/platform/logger';
import type { serveConnection } from '../core/rpc/serve-connection';
import { serveLocalImage } from './draft-asset-files';
import { createDraftAssetUpload } from './draft-asset-upload';
import { RequestGuard } from './request-guard';
import { serveStatic } from './static-files';
import { createWebSocketTransport } from './ws-transport';

const MAX_SOCKETS = 8;

export interface BrowserHostOptions {
  core: Core;
  /** 0 picks any free port. */
  port: number;
  rendererDir: string;
  logger: Logger;
}

export interface RunningBrowserHost {
  /** The app's address with this launch's token: the only way in. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** What a refused browser shows: why, and what to do (the bookmarklet lands here after a restart). */
function refusalText(reason: string, request: IncomingMessage): string {
  const fromCookie = !new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.has('token');
  if (reason === 'no token')
    return 'Postwright did not open: this browser has no key for it yet. Open Postwright with the link it printed when it started (the one ending in ?token=…), then try again.';
  if (reason === 'wrong token' && fromCookie)
    return 'Postwright was restarted since this browser last opened it, so the key this browser holds no longer works: open the address it printed when it started, then try again.';
  if (reason === 'wrong token')
    return 'That link holds an old key: open the address Postwright printed when it started.';
  return 'Forbidden';
}

interface Connector {
  sockets: WebSocketServer;
  serveConnection: typeof serveConnection;
}

/** Host 2: the built renderer and the core over a WebSocket, on 127.0.0.1 only. */
export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const { core, rendererDir, logger } = options;
  const token = randomBytes(24).toString('base64url');
  // The WebSocket server and the core's router (with zod and the contract's schemas) load once the
  // host listens: `serve` prints its address without them.
  let sockets: WebSocketServer | undefined;
  let socketsLoading: Promise<Connector> | undefined;
  /** Sockets accepted while the server loads: they count towards the limit too. */
  let upgrading = 0;
  const connector = () =>
    (socketsLoading ??= Promise.all([import('ws'), import('../core/rpc/serve-connection')]).then(
      ([{ WebSocketServer }, { serveConnection }]) => {
        // Bigger messages are refused from their header, before a byte is buffered.
        sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_MESSAGE_BYTES });
        return { sockets, serveConnection };
      },
    ));

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const guard = new RequestGuard(token, port);
  const uploadAsset = createDraftAssetUpload(core.drafts);
  logger.info('browser host listening', { port });

  async function handleHttp(request: IncomingMessage, response: ServerResponse) {
    // No page of the app tells another site where it came from: no address, no token, on any answer.
    response.setHeader('Referrer-Policy', 'no-referrer');
    const verdict = guard.check(request, false);
    if (!verdict.ok) {
      logger.warn('refused a request', { url: request.url?.split('?')[0], reason: verdict.reason });
      response.writeHead(verdict.status, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(refusalText(verdict.reason, request));
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (verdict.setCookie) {
      // Trade the token in the address for a cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      response.writeHead(303, { 'Set-Cookie': guard.cookieHeader(), Location: url.pathname + url.search });
      response.end();
      return;
    }
    if (await uploadAsset(request, url, response, guard.fromOwnPage(request))) return;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (await serveLocalImage(core.images, url.pathname, response)) return;
    await serveStatic(rendererDir, url.pathname, response, port);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = guard.check(request, true);
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    // A tab needs one socket; a few more allow several tabs. More would only multiply buffers.
    const full = (sockets?.clients.size ?? 0) + upgrading >= MAX_SOCKETS;
    if (!verdict.ok || path !== '/core' || full) {
      const status = verdict.ok ? (full ? 503 : 404) : verdict.status;
      logger.warn('refused a WebSocket', {
        reason: verdict.ok ? (full ? 'too many sockets' : `path ${path}`) : verdict.reason,
      });
      socket.end(
        `HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 503 ? 'Busy' : 'Refused'}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    // A client that goes away while the server loads must not take the host down.
    socket.on('error', () => socket.destroy());
    upgrading += 1;
    connector()
      .finally(() => (upgrading -= 1))
      .then(
        ({ sockets, serveConnection }) =>
          sockets.handleUpgrade(request, socket, head, (ws) => {
            const stop = serveConnection(core, createWebSocketTransport(ws, logger), logger);
            ws.on('close', stop);
            ws.on('error', (error) => logger.warn('WebSocket error', { message: error.message }));
          }),
        (error: unknown) => {
          logger.error('the WebSocket server could not start', { message: String(error) });
          socket.destroy();
        },
      );
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handleHttp(request, response).catch((error: unknown) => {
      logger.error('request failed', { url: request.url, message: String(error) });
      if (!response.headersSent) response.writeHead(500).end('Internal error');
    });
  });

  // Loaded now that the address is out, not on the first socket: the window that `serve` opens
  // (or the author's tab) would otherwise wait for the server, zod and the contract's schemas.
  setImmediate(() => void connector().catch(() => undefined));

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    async close() {
      await socketsLoading?.catch(() => undefined);
      for (const client of sockets?.clients ?? []) client.terminate();
      sockets?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
