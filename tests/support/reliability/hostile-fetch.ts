import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { systemResolver, type Resolver } from '../../../main/core/net/outbound-policy';
import { fetchPage, FETCH_DEADLINE_MS } from '../../../main/core/inbox/metadata/fetch-page';
import { createHttpClient } from '../../../main/core/platform/http';
import { discoverBlog } from '../../../main/core/publish/discovery/discover';
import { resolveAuthServer } from '../../../main/core/publish/indieauth/auth-server';
import { requestToken } from '../../../main/core/publish/indieauth/token-endpoint';
import { MicropubClient } from '../../../main/core/publish/micropub/micropub-client';
import { callXmlRpc, DEFAULT_LIMITS } from '../../../main/core/publish/xmlrpc/call';
import type { Figure } from './figure';

/**
 * Figure R8: every outbound fetch the core makes, against a hostile server on 127.0.0.1, with the
 * app's own deadlines. Each must fail by its deadline + 10%, grow the process by less than 50 MB, and
 * say what happened in one sentence. "Public" addresses are names the test resolver puts on 127.0.0.1,
 * so a redirect from them to this computer is judged as it would be on the web.
 */
type Attack =
  'drip' | 'huge' | 'gzip-bomb' | 'to-file' | 'to-link-local' | 'to-loopback' | 'redirect-loop' | 'bad-tls';
const ATTACKS: Attack[] = [
  'drip',
  'huge',
  'gzip-bomb',
  'to-file',
  'to-link-local',
  'to-loopback',
  'redirect-loop',
  'bad-tls',
];

interface Fetcher {
  name: string;
  deadlineMs: number;
  fetch(url: string): Promise<unknown>;
  /** The sentence the author sees (some fetchers report in a value, not a throw). */
  sentence(outcome: { value?: unknown; error?: unknown }): string;
}

const resolver: Resolver = async (hostname) =>
  hostname.endsWith('.example.test') ? [{ address: '127.0.0.1', family: 4 }] : systemResolver(hostname);
const http = createHttpClient('Postwright-reliability', { resolver });
const errorText = ({ value, error }: { value?: unknown; error?: unknown }) =>
  error instanceof Error ? error.message : `it returned ${JSON.stringify(value)?.slice(0, 120)}`;

const FETCHERS: Fetcher[] = [
  {
    // Two probes of 15 s each: the home page, then the usual XML-RPC address on the same site.
    name: 'discovery (page + XML-RPC probe)',
    deadlineMs: 30_000,
    fetch: (url) => discoverBlog(http, url),
    sentence: ({ value, error }) =>
      error instanceof Error
        ? error.message
        : ((value as { probes: { step: string; outcome: string; detail: string }[] }).probes.find(
            (probe) => probe.step === 'Home page' && probe.outcome === 'error',
          )?.detail ?? 'the home page was read'),
  },
  {
    name: 'link details',
    deadlineMs: FETCH_DEADLINE_MS,
    fetch: (url) => fetchPage(http, url, new AbortController().signal),
    sentence: errorText,
  },
  {
    name: 'IndieAuth metadata',
    deadlineMs: 15_000,
    fetch: (url) => resolveAuthServer(http, { indieauthMetadata: url }),
    sentence: errorText,
  },
  {
    name: 'IndieAuth token',
    deadlineMs: 20_000,
    fetch: (url) => requestToken(http, url, { grant_type: 'authorization_code', code: 'c' }, new Date()),
    sentence: errorText,
  },
  {
    name: 'XML-RPC call',
    deadlineMs: DEFAULT_LIMITS.timeoutMs,
    fetch: (url) => callXmlRpc(http, url, 'system.listMethods', []),
    sentence: errorText,
  },
  {
    name: 'Micropub query',
    deadlineMs: 30_000,
    fetch: (url) => new MicropubClient({ http, endpoint: url, token: 't' }).source(`${url}post`),
    sentence: errorText,
  },
  {
    // The lean exchange on node:http (platform/text-request.ts), the path every publish takes.
    name: 'Micropub create',
    deadlineMs: 30_000,
    fetch: (url) =>
      new MicropubClient({ http, endpoint: url, token: 't' }).create(
        { type: 'h-entry', properties: { content: ['Hello'] } },
        'json',
      ),
    sentence: errorText,
  },
  {
    name: 'Micropub media upload',
    deadlineMs: 30_000,
    fetch: (url) =>
      new MicropubClient({ http, endpoint: url, mediaEndpoint: url, token: 't' }).upload({
        filename: 'pier.png',
        mimeType: 'image/png',
        data: new Uint8Array(64),
      }),
    sentence: errorText,
  },
];

async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let n = 0; n < 1024; n++)
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  await new Promise<void>((resolve) => gzip.end(resolve));
  return Buffer.concat(parts); // about 1 MB that unpacks to 1 GB
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function hostileFetchSuite(): Promise<Figure[]> {
  const bomb = await gzipBomb();
  const bystanderHits: string[] = [];
  const bystander = createServer((request, response) => {
    bystanderHits.push(request.url ?? '');
    response.end('bystander');
  });
  const bystanderPort = await listen(bystander);
  const timers = new Set<NodeJS.Timeout>();
  const handle = (request: IncomingMessage, response: ServerResponse) => {
    request.resume();
    const [, attack, step] = /^\/([a-z-]+)\/?(\d*)/.exec(request.url ?? '') ?? [];
    const redirect = (location: string) => response.writeHead(302, { Location: location }).end();
    switch (attack as Attack) {
      case 'drip': {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        const timer = setInterval(() => response.write(' '), 100);
        timers.add(timer);
        response.on('close', () => clearInterval(timer));
        return;
      }
      case 'huge': {
        response.writeHead(200, { 'Content-Type': 'text/html' });
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 200 && !response.destroyed) {
            sent++;
            if (!response.write(chunk)) return void response.once('drain', pump);
          }
          response.end();
        };
        return pump();
      }
      case 'gzip-bomb':
        response.writeHead(200, { 'Content-Type': 'text/html', 'Content-Encoding': 'gzip' });
        return void response.end(bomb);
      case 'to-file':
        return redirect('file:///etc/passwd');
      case 'to-link-local':
        return redirect('http://169.254.169.254/latest/meta-data/iam/security-credentials/');
      case 'to-loopback':
        return redirect(`http://127.0.0.1:${bystanderPort}/admin`);
      case 'redirect-loop':
        return redirect(`/redirect-loop/${Number(step || 0) + 1}`);
      default:
        response.writeHead(404).end();
    }
  };
  const hostile = createServer(handle);
  const port = await listen(hostile);
  const tls = createTlsServer(
    {
      key: readFileSync('tests/fixtures/tls/self-signed.key'),
      cert: readFileSync('tests/fixtures/tls/self-signed.crt'),
    },
    handle,
  );
  const tlsPort = await listen(tls as unknown as Server);

  const urlFor = (attack: Attack) =>
    attack === 'bad-tls'
      ? `https://127.0.0.1:${tlsPort}/drip/`
      : `http://site.example.test:${port}/${attack}/`;

  const rows: Figure[] = [];
  const gc = (globalThis as { gc?: () => void }).gc;
  const rssMb = () => {
    gc?.();
    return process.memoryUsage().rss / 1024 / 1024;
  };
  const run = async (fetcher: Fetcher, attack: Attack) => {
    const before = rssMb();
    const start = performance.now();
    const outcome = await fetcher.fetch(urlFor(attack)).then(
      (value) => ({ value }),
      (error: unknown) => ({ error }),
    );
    const elapsed = performance.now() - start;
    const grown = rssMb() - before;
    const sentence = fetcher.sentence(outcome);
    const clear = sentence.trim().length > 0 && sentence.length < 400 && !sentence.includes('\n');
    const failed = 'error' in outcome || !/was read/.test(sentence);
    const inTime = elapsed <= fetcher.deadlineMs * 1.1;
    rows.push({
      id: 'R8',
      what: `${fetcher.name}: ${attack}`,
      value: `${(elapsed / 1000).toFixed(2)} s, +${Math.max(0, grown).toFixed(0)} MB`,
      target: `≤ ${((fetcher.deadlineMs * 1.1) / 1000).toFixed(1)} s, < 50 MB`,
      pass: failed && inTime && grown < 50 && clear,
    });
    if (!failed || !clear) process.stderr.write(`  ${fetcher.name} / ${attack}: ${sentence}\n`);
  };

  try {
    // Drips take their whole deadline: they run side by side; the rest one at a time, for memory.
    await Promise.all(FETCHERS.map((fetcher) => run(fetcher, 'drip')));
    for (const attack of ATTACKS.filter((a) => a !== 'drip'))
      for (const fetcher of FETCHERS) await run(fetcher, attack);
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const server of [hostile, bystander, tls as unknown as Server]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }
  rows.push({
    id: 'R8',
    what: 'requests that reached the service on this computer',
    value: String(bystanderHits.length),
    target: '0',
    pass: bystanderHits.length === 0,
  });
  return rows;
}
