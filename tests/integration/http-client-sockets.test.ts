import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/core/platform/http';

let server: Server;
let origin = '';

beforeAll(async () => {
  server = createServer((_request, response) => response.writeHead(200).end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
);

describe('the core HTTP client on a kept-alive connection', () => {
  it('leaves the socket’s TCP keep-alive as it is from one request to the next', async () => {
    const http = createHttpClient('Postwright-test');
    const delays: number[] = [];
    // Watch the calls while letting them through: the agent's (socket back in the pool) and axios'.
    const original = Socket.prototype.setKeepAlive;
    Socket.prototype.setKeepAlive = function (this: Socket, enable?: boolean, delay?: number) {
      if (enable) delays.push(delay ?? 0);
      return original.call(this, enable, delay);
    };
    try {
      for (let request = 0; request < 3; request++) {
        const answer = await http.get<string>(`${origin}/`, { responseType: 'text' });
        expect(answer.data).toBe('ok');
      }
    } finally {
      Socket.prototype.setKeepAlive = original;
    }
    // Node's default agent resets it to 1 s each time axios has set 60 s: a setsockopt round per switch.
    expect(delays.length).toBeGreaterThan(0);
    expect(new Set(delays)).toEqual(new Set([60_000]));
  });

  it('still builds the address from a baseURL and params, and checks it', async () => {
    const http = createHttpClient('Postwright-test');
    const answer = await http.get<string>('/', {
      baseURL: origin,
      params: { q: 'config' },
      responseType: 'text',
    });
    expect(answer.status).toBe(200);
    await expect(
      http.get('/latest/meta-data/', { baseURL: 'http://169.254.169.254', params: { a: '1' } }),
    ).rejects.toThrow(/link-local or cloud-metadata/);
  });
});
