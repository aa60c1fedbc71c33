import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../../shared/net/csp';
import { contentTypeFor } from '../core/fs/content-types';
import { safeJoin } from '../core/fs/safe-join';

/** Serves a file of the built renderer, or answers 404; paths that climb out of `root` are refused. */
export async function serveStatic(root: string, pathname: string, response: ServerResponse, port: number) {
  const relative = pathname === '/' ? '/index.html' : pathname;
  const file = safeJoin(root, relative);
  const info = file ? await stat(file).catch(() => undefined) : undefined;
  if (!file || !info?.isFile()) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found');
    return;
  }
  const type = contentTypeFor(file);
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': info.size,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': relative.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    ...(type.startsWith('text/html')
      ? {
          'Content-Security-Policy': contentSecurityPolicy([
            `ws://127.0.0.1:${port}`,
            `ws://localhost:${port}`,
          ]),
        }
      : {}),
  });
  createReadStream(file).pipe(response);
}
