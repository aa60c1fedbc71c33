import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy on 127.0.0.1 in front of WordPress. `decide` picks, per request, whether WordPress's
 * answer reaches the client ('pass'), is thrown away after WordPress has acted on the request
 * ('drop': the lost-response case), or is held back for a while before being passed on ('delay').
 */
export async function startForwardingProxy(
  target: string,
  decide: (method: string) => { action: 'pass' } | { action: 'drop' } | { action: 'delay'; ms: number },
): Promise<{ url: string; dropped: () => number; close(): Promise<void> }> {
  const upstream = new URL(target);
  let dropped = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const method =
        /<methodName>([^<]+)<\/methodName>/.exec(body.toString('utf8'))?.[1] ?? incoming.method ?? '?';
      const choice = decide(method);
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: incoming.url,
          method: incoming.method,
          headers: { ...incoming.headers, host: upstream.host },
        },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            if (choice.action === 'drop') {
              dropped++;
              incoming.socket.destroy();
              return;
            }
            const send = () => {
              if (outgoing.destroyed) return;
              outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
              outgoing.end(Buffer.concat(parts));
            };
            if (choice.action === 'delay') setTimeout(send, choice.ms);
            else send();
          });
        },
      );
      forward.on('error', () => incoming.socket.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    dropped: () => dropped,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
