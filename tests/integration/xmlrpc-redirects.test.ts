import { readFileSync } from 'node:fs';
import { Agent as HttpAgent, createServer, type Server } from 'node:http';
import {
  Agent as HttpsAgent,
  createServer as createHttpsServer,
  type Server as HttpsServer,
} from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemResolver } from '../../main/core/net/outbound-policy';
import { createHttpClient, type HttpClient } from '../../main/core/platform/http';
import { postText, type TextPost } from '../../main/core/platform/text-request';
import { callXmlRpc } from '../../main/core/publish/xmlrpc/call';
import { XmlRpcError } from '../../main/core/publish/xmlrpc/errors';

const ANSWER =
  '<?xml version="1.0"?><methodResponse><params><param><value><string>hello</string></value></param></params></methodResponse>';

/** A blog whose XML-RPC address moved; it records every request it gets. */
let server: Server;
let origin = '';
const seen: { method: string; path: string; body: string }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const path = request.url ?? '';
      seen.push({ method: request.method ?? '', path, body });
      const moved: Record<string, [number, string]> = {
        '/moved/xmlrpc.php': [301, '/xmlrpc.php'],
        '/found/xmlrpc.php': [302, `${origin}/xmlrpc.php`],
        '/temporary/xmlrpc.php': [307, '/xmlrpc.php'],
        '/loop/xmlrpc.php': [302, '/loop/xmlrpc.php'],
        '/nowhere/xmlrpc.php': [302, 'http://[not an address'],
      };
      const redirect = moved[path];
      if (redirect) return response.writeHead(redirect[0], { Location: redirect[1] }).end();
      if (path === '/no-location/xmlrpc.php') return response.writeHead(302).end();
      if (request.method !== 'POST')
        return response.writeHead(405).end('XML-RPC server accepts POST requests only.');
      response.writeHead(200, { 'Content-Type': 'text/xml' }).end(ANSWER);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const http = createHttpClient('Postwright-test');
const call = (path: string) => callXmlRpc(http, `${origin}${path}`, 'demo.sayHello', []);
const failure = (path: string) =>
  call(path).then(
    () => expect.unreachable('the call should fail'),
    (error: unknown) => error as XmlRpcError,
  );

describe('an XML-RPC address that redirects on the same host', () => {
  for (const [status, path] of [
    [301, '/moved/xmlrpc.php'],
    [302, '/found/xmlrpc.php'],
    [307, '/temporary/xmlrpc.php'],
  ] as const) {
    it(`${status}: the call is posted again to the new address and answered`, async () => {
      seen.length = 0;
      await expect(call(path)).resolves.toBe('hello');
      // Sent again as the same POST, never as a GET that could only be refused.
      expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
        `POST ${path}`,
        'POST /xmlrpc.php',
      ]);
      expect(seen[1]!.body).toBe(seen[0]!.body);
      expect(seen[1]!.body).toContain('<methodName>demo.sayHello</methodName>');
    });
  }

  it('a redirect loop stops after three redirects, and says so', async () => {
    seen.length = 0;
    const error = await failure('/loop/xmlrpc.php');
    expect(error).toBeInstanceOf(XmlRpcError);
    expect(error.kind).toBe('redirect');
    expect(error.message).toBe(
      `${origin}/loop/xmlrpc.php redirected too many times. Check the blog's XML-RPC address.`,
    );
    expect(seen).toHaveLength(4);
  });

  it('a redirect to something that is not an address is named, not followed', async () => {
    const error = await failure('/nowhere/xmlrpc.php');
    expect(error.kind).toBe('redirect');
    expect(error.message).toMatch(/redirected to "http:\/\/\[not an address", which is not an address/);
  });

  it('a 302 without a Location is an answer that is not XML-RPC', async () => {
    const error = await failure('/no-location/xmlrpc.php');
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(
      /did not answer as an XML-RPC endpoint \(HTTP 302 no content type, with an empty body\)/,
    );
  });
});

describe('an XML-RPC address on https that redirects to http', () => {
  let tls: HttpsServer;
  const plainBodies: string[] = [];
  let plain: Server;

  beforeAll(async () => {
    plain = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        plainBodies.push(body);
        response.writeHead(200, { 'Content-Type': 'text/xml' }).end(ANSWER);
      });
    });
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    const plainPort = (plain.address() as AddressInfo).port;
    tls = createHttpsServer(
      {
        key: readFileSync('tests/fixtures/tls/self-signed.key'),
        cert: readFileSync('tests/fixtures/tls/self-signed.crt'),
      },
      (_request, response) =>
        response.writeHead(301, { Location: `http://127.0.0.1:${plainPort}/xmlrpc.php` }).end(),
    );
    await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const each of [plain, tls]) {
      each.closeAllConnections();
      await new Promise<void>((resolve) => each.close(() => resolve()));
    }
  });

  it('is not followed: the password is never sent without encryption', async () => {
    // The test's own certificate is not one the system trusts: this client accepts it.
    const agents = { http: new HttpAgent(), https: new HttpsAgent({ rejectUnauthorized: false }) };
    const client = {
      postText: (request: TextPost) =>
        postText(request, { userAgent: 'test', resolver: systemResolver, agents }),
    } as HttpClient;
    const endpoint = `https://127.0.0.1:${(tls.address() as AddressInfo).port}/xmlrpc.php`;
    const error = await callXmlRpc(client, endpoint, 'wp.getUsersBlogs', ['author', 'secret']).catch(
      (caught: unknown) => caught as XmlRpcError,
    );
    expect((error as XmlRpcError).kind).toBe('redirect');
    expect((error as XmlRpcError).message).toMatch(
      /redirected to http:\/\/127\.0\.0\.1:\d+, which is not encrypted, so Postwright did not send your password there/,
    );
    expect(plainBodies).toEqual([]);
  });
});
