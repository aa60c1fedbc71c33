import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface PageServer {
  origin: string;
  port: number;
  /** Paths requested so far, in order. */
  hits: string[];
  close(): Promise<void>;
}

const win1252 = (text: string) =>
  Buffer.from(
    [...text].map(
      (char) => ({ '’': 0x92, '“': 0x93, '”': 0x94, '–': 0x96, é: 0xe9 })[char] ?? char.charCodeAt(0),
    ),
  );

/**
 * Pages to fetch link details from, friendly and hostile, served on 127.0.0.1 at a free port.
 * `redirectTarget` is where /to-other-port sends the fetcher (another local service).
 */
export async function startLinkPages(options: { redirectTarget?: string } = {}): Promise<PageServer> {
  const hits: string[] = [];
  const open = new Set<Socket>();
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    hits.push(path);
    const html = (body: string, type = 'text/html; charset=utf-8') => {
      response.writeHead(200, { 'Content-Type': type });
      response.end(body);
    };
    switch (path) {
      case '/cafe-1252':
        response.writeHead(200, { 'Content-Type': 'text/html; charset=windows-1252' });
        response.end(win1252('<html><head><title>Café “Crème” – l’été</title></head><body>x</body></html>'));
        return;
      case '/cafe-1252-meta':
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.end(
          win1252('<html><head><meta charset="windows-1252"><title>Café “Meta”</title></head></html>'),
        );
        return;
      case '/source':
        // The "other site" the author drags links from.
        return html(
          `<html><head><title>Reading list</title></head><body><ul>
            <li><a id="cafe" href="/cafe-1252">a café</a></li>
            <li><a id="anchor" href="/script-title?from=anchor">Anchor text as the title</a></li>
            <li><a id="og" href="/og-only">og page</a></li></ul></body></html>`,
        );
      case '/no-title':
        return html(
          '<html><head><meta name="viewport" content="width=device-width"></head><body><h1>Hi</h1></body></html>',
        );
      case '/og-only':
        return html(
          '<html><head><meta property="og:title" content="Only Open Graph"><meta property="og:description" content="Described by og:description">' +
            '<meta property="og:site_name" content="OG Site"><meta property="og:url" content="/canonical-og"></head></html>',
        );
      case '/script-title':
        return html(
          '<html><head><title><script>window.pwned = true; alert(1)</script>Hello <b>there</b></title></head></html>',
        );
      case '/pdf':
        return html('%PDF-1.4', 'application/pdf');
      case '/gone':
        response.writeHead(404, { 'Content-Type': 'text/html' }).end('<title>Not found</title>');
        return;
      case '/slow': {
        // One byte at a time, forever: only a deadline on the whole exchange stops it.
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.write('<html><head><title>');
        const drip = setInterval(() => response.write('a'), 100);
        response.on('close', () => clearInterval(drip));
        return;
      }
      case '/huge': {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        response.write('<html><head><title>A very big page</title></head><body>');
        const chunk = Buffer.alloc(64 * 1024, 'x');
        let sent = 0;
        const pump = () => {
          while (sent < 200 * 1024 * 1024) {
            sent += chunk.length;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        response.on('close', () => (sent = Infinity));
        pump();
        return;
      }
      case '/loop':
        response.writeHead(302, { Location: '/loop' }).end();
        return;
      case '/to-file':
        response.writeHead(301, { Location: 'file:///etc/passwd' }).end();
        return;
      case '/to-other-port':
        response.writeHead(302, { Location: options.redirectTarget ?? 'http://127.0.0.1:9/' }).end();
        return;
      case '/to-same':
        response.writeHead(307, { Location: '/og-only' }).end();
        return;
      default:
        response.writeHead(404).end();
    }
  });
  server.on('connection', (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${port}`,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
