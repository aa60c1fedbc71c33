import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kindOfHost } from '../../main/core/net/address-policy';
import { systemResolver, type Resolver } from '../../main/core/net/outbound-policy';
import { createHttpClient } from '../../main/core/platform/http';
import { fetchPage } from '../../main/core/inbox/metadata/fetch-page';
import { discoverBlog } from '../../main/core/publish/discovery/discover';
import { resolveAuthServer } from '../../main/core/publish/indieauth/auth-server';
import { requestToken } from '../../main/core/publish/indieauth/token-endpoint';
import { MetaweblogClient } from '../../main/core/publish/metaweblog/client';
import { MicropubClient } from '../../main/core/publish/micropub/micropub-client';
import { XmlRpcError } from '../../main/core/publish/xmlrpc/errors';
import { createRouter } from '../../main/core/rpc/router';
import { silentLogger } from '../../main/core/platform/logger';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

/**
 * The outbound policy against real servers on 127.0.0.1. A test resolver plays the DNS: names under
 * `.example.test` are "public sites" that happen to live on 127.0.0.1 (so a public page can be seen
 * redirecting to this computer), and `rebind.example.test` resolves to the cloud-metadata address.
 */
const testResolver: Resolver = async (hostname) => {
  if (hostname === 'rebind.example.test') return [{ address: '169.254.169.254', family: 4 }];
  if (hostname.endsWith('.example.test')) return [{ address: '127.0.0.1', family: 4 }];
  return systemResolver(hostname);
};
const http = createHttpClient('Postwright-test', { resolver: testResolver });
const never = new AbortController().signal;

/** The bystander: a service on this computer that hostile answers try to reach. It counts every hit. */
let bystander: Server;
let bystanderHits: string[] = [];
let bystanderOrigin = '';
/** The hostile "public" site: each path redirects or links somewhere it should not. */
let site: Server;
let sitePort = 0;

const xmlrpcAnswer =
  '<?xml version="1.0"?><methodResponse><params><param><value><array><data><value><string>metaWeblog.newPost</string></value></data></array></value></param></params></methodResponse>';

beforeAll(async () => {
  bystander = createServer((request, response) => {
    bystanderHits.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<title>The router admin page</title>');
  });
  await new Promise<void>((resolve) => bystander.listen(0, '127.0.0.1', resolve));
  bystanderOrigin = `http://127.0.0.1:${(bystander.address() as AddressInfo).port}`;

  site = createServer((request, response) => {
    const path = request.url ?? '/';
    const redirect = (location: string) => response.writeHead(302, { Location: location }).end();
    if (path === '/to-metadata') return redirect('http://169.254.169.254/latest/meta-data/iam/');
    if (path === '/to-metadata-v6') return redirect('http://[fd00:ec2::254]/latest/meta-data/');
    if (path === '/to-metadata-mapped') return redirect('http://[::ffff:169.254.169.254]/latest/');
    if (path === '/to-metadata-decimal') return redirect('http://2852039166/latest/');
    if (path === '/to-metadata-name') return redirect('http://metadata.google.internal/computeMetadata/v1/');
    if (path === '/to-rebind') return redirect(`http://rebind.example.test:${sitePort}/`);
    if (path === '/to-loopback') return redirect(`${bystanderOrigin}/admin`);
    if (path === '/edituri-local') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      return response.end(
        `<html><head><title>A blog</title><link rel="EditURI" href="${bystanderOrigin}/rsd"></head></html>`,
      );
    }
    if (path === '/xmlrpc.php') {
      response.writeHead(200, { 'Content-Type': 'text/xml' });
      return response.end(xmlrpcAnswer);
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  sitePort = (site.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const server of [bystander, site]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

const publicSite = (path: string) => `http://blog.example.test:${sitePort}${path}`;

describe('which addresses are which', () => {
  it('knows link-local and cloud-metadata addresses however they are written', () => {
    for (const url of [
      'http://169.254.169.254/',
      'http://[::ffff:169.254.169.254]/',
      'http://[::ffff:a9fe:a9fe]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://[fd00:ec2::254]/',
      'http://[fe80::1]/',
      'http://0xa9fea9fe/',
      'http://169.254.43518/',
      'http://100.100.100.200/',
      'http://metadata.google.internal/',
      'http://metadata.google.internal./',
    ]) {
      expect([url, kindOfHost(new URL(url).hostname)]).toEqual([url, 'forbidden']);
    }
  });

  it('knows this computer and private networks, and leaves the public web public', () => {
    for (const host of [
      '127.0.0.1',
      '[::1]',
      '0.0.0.0',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '[fd12::1]',
      'localhost',
      'printer.local',
      'router',
    ]) {
      expect([host, kindOfHost(new URL(`http://${host}/`).hostname)]).toEqual([host, 'local']);
    }
    for (const host of ['example.com', '93.184.215.14', '[2606:4700::1111]', '172.32.0.1']) {
      expect([host, kindOfHost(new URL(`http://${host}/`).hostname)]).toEqual([host, 'public']);
    }
  });
});

describe('blog discovery', () => {
  it('never follows a redirect to the cloud-metadata address, however it is written', async () => {
    for (const path of [
      '/to-metadata',
      '/to-metadata-v6',
      '/to-metadata-mapped',
      '/to-metadata-decimal',
      '/to-metadata-name',
    ]) {
      const report = await discoverBlog(http, publicSite(path), never);
      const home = report.probes.find((probe) => probe.step === 'Home page')!;
      expect([path, home.outcome]).toEqual([path, 'error']);
      expect(home.detail).toMatch(/a link-local or cloud-metadata address, which Postwright never contacts/);
    }
  });

  it('refuses a public name that resolves to the cloud-metadata address', async () => {
    const report = await discoverBlog(http, publicSite('/to-rebind'), never);
    expect(report.probes[0]!.detail).toContain(
      'rebind.example.test resolves to 169.254.169.254, a link-local or cloud-metadata address',
    );
  });

  it('does not let a public blog steer it at this computer, by redirect or by its EditURI', async () => {
    bystanderHits = [];
    const redirected = await discoverBlog(http, publicSite('/to-loopback'), never);
    expect(redirected.probes[0]!.detail).toMatch(
      /redirected to 127\.0\.0\.1:\d+, an address on this computer/,
    );
    const steered = await discoverBlog(http, publicSite('/edituri-local'), never);
    const rsd = steered.probes.find((probe) => probe.step === 'RSD document')!;
    expect(rsd.outcome).toBe('error');
    expect(rsd.detail).toMatch(/127\.0\.0\.1:\d+ is an address on this computer or a private network/);
    expect(bystanderHits).toEqual([]);
  });

  it('reaches a blog on this computer when that is the address the author typed', async () => {
    const report = await discoverBlog(http, `http://127.0.0.1:${sitePort}/edituri-local`, never);
    expect(report.probes.find((probe) => probe.step === 'RSD document')!.detail).not.toMatch(
      /private network/,
    );
  });
});

describe('publishing and signing in', () => {
  it('sends no XML-RPC call to a local endpoint of a public blog', async () => {
    bystanderHits = [];
    const client = new MetaweblogClient(
      http,
      { endpoint: `${bystanderOrigin}/xmlrpc.php`, remoteBlogId: '1', username: 'a', password: 'secret' },
      { anchor: publicSite('/') },
    );
    const error = (await client
      .newPost({ title: 'x', description: 'y' }, true)
      .catch((e: unknown) => e)) as XmlRpcError;
    expect(error).toBeInstanceOf(XmlRpcError);
    expect(error.kind).toBe('refused');
    expect(error.details.sent).toBe(false);
    expect(error.message).toMatch(/is an address on this computer or a private network/);
    // The same endpoint on the blog's own host is fine.
    const own = new MetaweblogClient(
      http,
      { endpoint: publicSite('/xmlrpc.php'), remoteBlogId: '1', username: 'a', password: 'secret' },
      { anchor: publicSite('/') },
    );
    expect(await own.listMethods()).toEqual(['metaWeblog.newPost']);
    expect(bystanderHits).toEqual([]);
  });

  it('sends no Micropub request, token or sign-in lookup to a local address a public site names', async () => {
    bystanderHits = [];
    const micropub = new MicropubClient({
      http,
      endpoint: `${bystanderOrigin}/micropub`,
      token: 'secret-token',
      anchor: publicSite('/'),
    });
    await expect(micropub.delete(publicSite('/post/1'))).rejects.toThrow(
      /an address on this computer or a private network/,
    );
    await expect(
      resolveAuthServer(http, { indieauthMetadata: `${bystanderOrigin}/meta` }, never, publicSite('/')),
    ).rejects.toThrow(/an address on this computer or a private network/);
    await expect(
      requestToken(http, `${bystanderOrigin}/token`, { code: 'c' }, new Date(), never, publicSite('/')),
    ).rejects.toThrow(/an address on this computer or a private network/);
    expect(bystanderHits).toEqual([]);
  });
});

const tempDir = useTempDir('postwright-outbound-');

describe('links a web page sends (the bookmarklet)', () => {
  it('fetch nothing on this computer until the author chooses Retry', async () => {
    const dataDir = tempDir();
    const core = createTestCore(dataDir, undefined, http);
    const router = createRouter(core.handlers, silentLogger);
    const call = async <T>(method: string, args: unknown): Promise<T> => {
      const reply = await router.handle({ id: 1, method, args }, { signal: never });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as T;
    };
    type Added = {
      bookmarks: { id: string; title: string; fetch: { state: string; message: string | null } }[];
    };
    try {
      bystanderHits = [];
      const sent = await call<Added>('inbox-add', {
        links: [{ url: `${bystanderOrigin}/admin` }, { url: `http://rebind.example.test:${sitePort}/` }],
        awaitMetadata: true,
        from: 'web-page',
      });
      expect(sent.bookmarks[0]!.fetch).toEqual(
        expect.objectContaining({
          state: 'failed',
          message: expect.stringMatching(/Choose Retry to fetch it/),
        }),
      );
      expect(sent.bookmarks[1]!.fetch.message).toMatch(/link-local or cloud-metadata/);
      expect(bystanderHits).toEqual([]);

      const retried = await call<Added['bookmarks']>('inbox-refetch', {
        ids: [sent.bookmarks[0]!.id],
        wait: true,
      });
      expect(retried[0]).toMatchObject({ title: 'The router admin page', fetch: { state: 'done' } });
      expect(bystanderHits).toEqual(['GET /admin']);
    } finally {
      await core.dispose();
    }
  });

  it('are still fetched when they are on the public web', async () => {
    const page = await fetchPage(http, publicSite('/to-metadata'), never, 5000, { publicOnly: true }).catch(
      (error: Error) => error,
    );
    expect((page as Error).message).toMatch(/link-local or cloud-metadata/);
  });
});
