import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/core/platform/http';
import { MicropubClient } from '../../main/core/publish/micropub/micropub-client';
import type { MicropubCreate } from '../../main/core/publish/micropub/micropub-types';
import { closedPort } from '../support/closed-port';

/**
 * The publishing requests (JSON and form POSTs) go over node:http directly, not axios: each promise
 * axios kept is checked here against a real server on 127.0.0.1 that misbehaves on request.
 */
type Behaviour = (request: IncomingMessage, response: ServerResponse) => void;
let behave: Behaviour;
let server: Server;
let port = 0;
const seen: string[] = [];
const connections = new Set<Socket>();
let connectionCount = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    request.resume();
    request.on('end', () => behave(request, response));
  });
  server.on('connection', (socket) => {
    connectionCount += 1;
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const socket of connections) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  behave = (_request, response) => response.writeHead(201, { Location: '/posts/1' }).end();
});

const post: MicropubCreate = { type: 'h-entry', properties: { content: ['Hello'] } };
const client = (options: { timeoutMs?: number; signal?: AbortSignal; host?: string } = {}) =>
  new MicropubClient({
    http: createHttpClient('Postwright-test', {
      // A public-looking name that resolves to this computer, as a blog on the LAN might.
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    }),
    endpoint: `http://${options.host ?? '127.0.0.1'}:${port}/micropub`,
    token: 'secret',
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });

describe('a Micropub POST on the lean transport', () => {
  it('reuses one kept-alive connection from one post to the next', async () => {
    const before = connectionCount;
    const micropub = client();
    for (let index = 0; index < 3; index++) {
      expect((await micropub.create(post, 'json')).url).toBe(`http://127.0.0.1:${port}/posts/1`);
    }
    expect(connectionCount - before).toBe(1);
  });

  it('reaches a blog by name, checking the addresses the name resolves to', async () => {
    const created = await client({ host: 'blog.home.arpa' }).create(post, 'form');
    expect(created.url).toBe(`http://blog.home.arpa:${port}/posts/1`);
  });

  it('stops a server that drips its answer at the deadline, and says it will try again', async () => {
    behave = (_request, response) => {
      response.writeHead(201, { Location: '/posts/1' });
      const drip = setInterval(() => response.write(' '), 50);
      response.on('close', () => clearInterval(drip));
    };
    const failure = await client({ timeoutMs: 400 })
      .create(post, 'json')
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({
      code: 'offline',
      message: `127.0.0.1:${port} did not answer in time. Postwright will try again later.`,
    });
  });

  it('stops when the author cancels, and says only that', async () => {
    behave = () => undefined; // never answers
    const cancel = new AbortController();
    const pending = client({ signal: cancel.signal }).create(post, 'json');
    setTimeout(() => cancel.abort(), 100);
    await expect(pending).rejects.toMatchObject({ code: 'cancelled', message: 'Cancelled.' });
  });

  it('reads no more than 5 MB of an answer', async () => {
    behave = (_request, response) => {
      response.writeHead(201, { Location: '/posts/1', 'Content-Type': 'application/json' });
      response.end(Buffer.alloc(6 * 1024 * 1024, 0x20));
    };
    await expect(client().create(post, 'json')).rejects.toThrow(
      `127.0.0.1:${port} sent an answer too large to read.`,
    );
  });

  it('takes a redirect as the answer: the post is not sent again as a GET', async () => {
    behave = (_request, response) => response.writeHead(302, { Location: '/elsewhere' }).end();
    await expect(client().create(post, 'json')).rejects.toThrow(
      'The blog sent Postwright elsewhere (HTTP 302 to /elsewhere) instead of answering. If the blog has moved, sign in to it again so Postwright finds its new Micropub address (Blogs → Sign in again, or "postwright micropub sign-in").',
    );
    expect(seen).toEqual(['POST /micropub']);
  });

  it('says a blog that cannot be reached could not be reached', async () => {
    const closed = await closedPort();
    const micropub = new MicropubClient({
      http: createHttpClient('Postwright-test'),
      endpoint: `http://127.0.0.1:${closed}/micropub`,
      token: 'secret',
    });
    await expect(micropub.create(post, 'json')).rejects.toThrow(
      `Could not reach 127.0.0.1:${closed}. Check your connection; Postwright will try again later.`,
    );
  });

  it('says the connection broke when the server hangs up halfway through its answer', async () => {
    behave = (request, response) => {
      response.writeHead(201, { Location: '/posts/1', 'Content-Length': '100' });
      response.write('{"url":');
      setTimeout(() => request.socket.destroy(), 20);
    };
    await expect(client().create(post, 'json')).rejects.toMatchObject({
      code: 'offline',
      message: `The connection to 127.0.0.1:${port} broke before it answered. Postwright will check the blog before trying again.`,
    });
  });

  it('sends nothing to a name that resolves to the cloud-metadata address', async () => {
    const micropub = new MicropubClient({
      http: createHttpClient('Postwright-test', {
        resolver: async () => [{ address: '169.254.169.254', family: 4 }],
      }),
      endpoint: `http://blog.example.com:${port}/micropub`,
      token: 'secret',
    });
    await expect(micropub.create(post, 'json')).rejects.toThrow(
      'blog.example.com resolves to 169.254.169.254, a link-local or cloud-metadata address, which Postwright never contacts.',
    );
    expect(seen).toEqual([]);
  });

  // A server may compress its answer; WordPress's plugin says where a renamed post went only in the body.
  it.each([
    ['gzip', gzipSync],
    ['br', brotliCompressSync],
  ] as const)('reads a %s-compressed answer: a renamed post is found from its body', async (coding, pack) => {
    const seenCodings: string[] = [];
    behave = (request, response) => {
      seenCodings.push(String(request.headers['accept-encoding']));
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': coding });
      response.end(pack(JSON.stringify({ post_url: '/2026/12/new-name/' })));
    };
    const moved = await client().update('http://127.0.0.1/2026/12/old-name/', {
      replace: { name: ['New name'] },
    });
    expect(moved).toBe(`http://127.0.0.1:${port}/2026/12/new-name/`);
    expect(seenCodings).toEqual(['gzip, deflate, br']);
  });

  it('refuses a small compressed answer that unpacks past 5 MB', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(128 * 1024);
    behave = (_request, response) => {
      response.writeHead(201, { Location: '/posts/1', 'Content-Encoding': 'gzip' });
      response.end(bomb);
    };
    await expect(client().create(post, 'json')).rejects.toThrow(
      `127.0.0.1:${port} sent an answer too large to read.`,
    );
  });

  it('takes the status and Location of an answer whose body says gzip but is not', async () => {
    behave = (_request, response) => {
      response.writeHead(201, { Location: '/posts/1', 'Content-Encoding': 'gzip' });
      response.end('{"url": "plain text, not gzip"}');
    };
    expect((await client().create(post, 'json')).url).toBe(`http://127.0.0.1:${port}/posts/1`);
    behave = (_request, response) => {
      response.writeHead(403, { 'Content-Encoding': 'gzip' }).end('not gzip either');
    };
    await expect(client().update('http://127.0.0.1/a/', { replace: { name: ['B'] } })).rejects.toThrow(
      "The blog refused to let this account update posts (403 Forbidden). Check that you signed in as the blog's owner.",
    );
  });
});
