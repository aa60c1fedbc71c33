import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../main/core/platform/http';
import { MicropubClient } from '../../main/core/publish/micropub/micropub-client';
import { jsonCreate } from '../../main/core/publish/micropub/request-body';
import type { MicropubCreate } from '../../main/core/publish/micropub/micropub-types';

let server: Server | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A site on 127.0.0.1 that answers 201 at once and keeps the bytes it was sent, unparsed. */
async function answeringClient() {
  const received: Received[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(201, { Location: '/posts/1' }).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new MicropubClient({
    http: createHttpClient('Postwright-test'),
    endpoint: `http://127.0.0.1:${port}/micropub`,
    token: 'secret',
  });
  return { client, received, port };
}

const post: MicropubCreate = {
  type: 'h-entry',
  properties: { name: ['A post'], content: [{ html: '<p>Brighton &amp; Hove, 9.30–12.30</p>' }] },
};

describe('a Micropub request body', () => {
  it('goes out as encoded once: a JSON create is not parsed again on the way', async () => {
    const { client, received, port } = await answeringClient();
    const parse = vi.spyOn(JSON, 'parse');
    const created = await client.create(post, 'json');
    expect(created).toEqual({ url: `http://127.0.0.1:${port}/posts/1`, status: 201 });
    expect(parse).not.toHaveBeenCalled();
    expect(received[0]!.body.toString('utf8')).toBe(jsonCreate(post));
    expect(received[0]!.headers['content-type']).toBe('application/json');
    expect(received[0]!.headers['content-length']).toBe(String(Buffer.byteLength(jsonCreate(post))));
    expect(received[0]!.headers.authorization).toBe('Bearer secret');
    expect(received[0]!.headers['user-agent']).toBe('Postwright-test');
  });

  it('keeps the form and multipart encodings as they were', async () => {
    const { client, received } = await answeringClient();
    const plain: MicropubCreate = { type: 'h-entry', properties: { content: ['Hello & goodbye'] } };
    await client.create(plain, 'form');
    await client.create(plain, 'multipart');
    expect(received[0]!.body.toString('utf8')).toBe('h=entry&content=Hello+%26+goodbye');
    expect(received[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(received[1]!.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(received[1]!.body.toString('utf8')).toContain('name="content"\r\n\r\nHello & goodbye\r\n');
  });
});
