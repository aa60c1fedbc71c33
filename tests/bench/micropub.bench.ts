import { request } from 'node:http';
import { createHttpClient } from '../../main/core/platform/http';
import { MicropubClient } from '../../main/core/publish/micropub/micropub-client';
import { jsonCreate } from '../../main/core/publish/micropub/request-body';
import type { MicropubCreate } from '../../main/core/publish/micropub/micropub-types';
import { startMicropubSite } from '../support/micropub-server/micropub-site';
import { median, row, type BenchSuite } from './bench-kit';

/** A create on 127.0.0.1 takes about a millisecond: enough runs for a median that holds still. */
const RUNS = 200;

/** The same bytes and headers, POSTed with nothing but node:http, for the baseline. */
function barePost(endpoint: string, body: string, token: string): Promise<void> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${token}`,
          'Content-Length': Buffer.byteLength(body),
        },
      },
      (answer) => {
        answer.resume();
        answer.on('end', () => resolve());
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * Publishing over Micropub: the client's JSON create (deadline, validation, error reading included)
 * versus a bare HTTP POST of the same body to the same site, alternating, in the same run.
 */
export const micropubBench: BenchSuite = async () => [
  await measure(0, 'a site on 127.0.0.1 that stores the post at once'),
  await measure(30, 'a site that takes 30 ms to store a post, as real blogs do'),
];

async function measure(createDelayMs: number, note: string) {
  const site = await startMicropubSite({ createDelayMs });
  try {
    const token = site.auth.issueToken();
    const client = new MicropubClient({
      http: createHttpClient('Postwright-bench'),
      endpoint: site.micropubUrl,
      token,
    });
    const paragraph =
      '<p>Brighton &amp; Hove on 25 November from 9.30–12.30, with <a href="https://example.com/">a link</a>.</p>';
    const post: MicropubCreate = {
      type: 'h-entry',
      properties: {
        name: ['Bench'],
        content: [{ html: paragraph.repeat(400) }],
        category: ['bench', 'micropub'],
      },
    };
    const body = jsonCreate(post);
    for (let warm = 0; warm < 20; warm++) {
      await client.create(post, 'json');
      await barePost(site.micropubUrl, body, token);
    }
    const viaClient: number[] = [];
    const bare: number[] = [];
    const timed = async (samples: number[], publish: () => Promise<unknown>) => {
      const started = performance.now();
      await publish();
      samples.push(performance.now() - started);
    };
    // The post encoded as JSON, which no client can skip, then the bytes POSTed.
    const viaBare = () => barePost(site.micropubUrl, jsonCreate(post), token);
    for (let index = 0; index < RUNS; index++) {
      // Alternating which goes first: the garbage one leaves is collected in the other's time.
      if (index % 2 === 0) {
        await timed(viaClient, () => client.create(post, 'json'));
        await timed(bare, viaBare);
      } else {
        await timed(bare, viaBare);
        await timed(viaClient, () => client.create(post, 'json'));
      }
    }
    return row(
      `micropub create, ${Math.round(body.length / 1024)} KB JSON, server ${createDelayMs} ms`,
      median(viaClient),
      'ms',
      {
        baseline: { name: 'JSON.stringify + bare node:http POST', value: median(bare) },
        budget: { limit: 1.2, of: 'ratio' },
        note,
      },
    );
  } finally {
    await site.close();
  }
}
