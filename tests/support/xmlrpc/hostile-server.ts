import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type HostileMode =
  | 'drip'
  | 'huge'
  | 'malformed'
  | 'entity-bomb'
  | 'doctype'
  | 'wrong-types'
  | 'bad-int'
  | 'string-fault'
  | 'redirect-away'
  | 'html';

const BOMB = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<methodResponse><params><param><value><string>&lol4;</string></value></param></params></methodResponse>`;

const RESPONSES: Partial<Record<HostileMode, string>> = {
  malformed:
    '<?xml version="1.0"?><methodResponse><params><param><value><string>unclosed</value></param></params>',
  'entity-bomb': BOMB,
  doctype:
    '<?xml version="1.0"?><!DOCTYPE methodResponse SYSTEM "http://127.0.0.1:1/evil.dtd"><methodResponse><params><param><value><string>42</string></value></param></params></methodResponse>',
  'wrong-types':
    '<?xml version="1.0"?><methodResponse><params><param><value><struct><member><name>postid</name><value><int>1</int></value></member></struct></value></param></params></methodResponse>',
  'bad-int':
    '<?xml version="1.0"?><methodResponse><params><param><value><int>12abc</int></value></param></params></methodResponse>',
  'string-fault':
    '<?xml version="1.0"?><methodResponse><fault><value><struct><member><name>faultCode</name><value><string>oops</string></value></member><member><name>faultString</name><value><string>Something broke</string></value></member></struct></value></fault></methodResponse>',
  html: '<!DOCTYPE html><html><head><title>Blocked</title></head><body><h1>Access denied</h1></body></html>',
};

/**
 * An XML-RPC server that misbehaves in one chosen way per path (`/drip/xmlrpc.php`, ...), on 127.0.0.1.
 * It counts the requests per method, so a test can check that nothing was sent twice.
 */
export async function startHostileServer(redirectTarget: () => string): Promise<{
  url(mode: HostileMode): string;
  calls(mode: HostileMode, method: string): number;
  bytesSent(mode: HostileMode): number;
  close(): Promise<void>;
}> {
  const counts = new Map<string, number>();
  const sent = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const handle = (request: IncomingMessage, response: ServerResponse, body: string) => {
    const mode = (request.url ?? '').split('/')[1] as HostileMode;
    const method = /<methodName>([^<]+)<\/methodName>/.exec(body)?.[1] ?? '?';
    counts.set(`${mode} ${method}`, (counts.get(`${mode} ${method}`) ?? 0) + 1);
    if (mode === 'drip') {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      response.write('<?xml version="1.0"?><methodResponse>');
      const timer = setInterval(() => response.write(' '), 100);
      timers.add(timer);
      response.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
      return;
    }
    if (mode === 'huge') {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let written = 0;
      const pump = () => {
        while (written < 200 && !response.destroyed) {
          written++;
          sent.set(mode, (sent.get(mode) ?? 0) + chunk.length);
          if (!response.write(chunk)) return void response.once('drain', pump);
        }
        if (!response.destroyed) response.end();
      };
      response.write('<?xml version="1.0"?><methodResponse><params><param><value><string>');
      pump();
      return;
    }
    if (mode === 'redirect-away') {
      response.writeHead(307, { Location: redirectTarget() });
      response.end();
      return;
    }
    response.writeHead(200, { 'Content-Type': mode === 'html' ? 'text/html' : 'text/xml' });
    response.end(RESPONSES[mode] ?? '');
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => handle(request, response, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (mode) => `http://127.0.0.1:${port}/${mode}/xmlrpc.php`,
    calls: (mode, method) => counts.get(`${mode} ${method}`) ?? 0,
    bytesSent: (mode) => sent.get(mode) ?? 0,
    async close() {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
