import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpClient } from '../../main/core/platform/http';
import { MetaweblogClient } from '../../main/core/publish/metaweblog/client';
import { decodeMethodResponse } from '../../main/core/publish/xmlrpc/decode';
import { encodeMethodCall, encodeResponse } from '../../main/core/publish/xmlrpc/encode';
import { coreCaller } from '../support/core-call';
import { createTestCore } from '../support/test-core';
import { startWordPress, stopWordPress } from '../support/wordpress/wordpress-peer';
import { addPeerBlog } from '../support/wordpress/peer-blog';
import { median, row, type BenchSuite } from './bench-kit';

const PORT = process.env.POSTWRIGHT_BENCH_WP_PORT ?? '8783';
const RUNS = 20;

/** About 1 MB of post HTML, paragraphs with markup and entities, as a long post would have. */
function bigPost(): string {
  const paragraph =
    '<p>Brighton &amp; Hove Council on 25 November from 9.30–12.30, with <a href="https://example.com/x?a=1&amp;b=2">a link</a> and <em>emphasis</em> — “quotes” é.</p>\n';
  return paragraph.repeat(Math.ceil((1024 * 1024) / paragraph.length));
}

function time(work: () => unknown, runs = 20): number {
  const samples: number[] = [];
  for (let index = 0; index < runs; index++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

/** The same bytes, POSTed with nothing but node:http, for the baseline. */
function barePost(endpoint: string, body: string): Promise<void> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'Content-Type': 'text/xml; charset=utf-8', 'Content-Length': Buffer.byteLength(body) },
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
 * Publishing against a real WordPress: the MetaWeblog client's newPost versus a bare HTTP POST of the
 * same request body to the same server, alternating, in the same run; and the XML-RPC codec on 1 MB.
 */
export const publishBench: BenchSuite = async () => {
  const html = bigPost();
  const struct = {
    title: 'Bench',
    description: html,
    mt_keywords: 'bench',
    categories: [],
    post_status: 'publish',
  };
  const encode = time(() => encodeMethodCall('metaWeblog.newPost', ['1', 'admin', 'password', struct, true]));
  const response = encodeResponse({
    postid: '1',
    title: 'Bench',
    description: html,
    categories: ['A'],
    dateCreated: new Date(),
  });
  const decode = time(() => decodeMethodResponse(response));

  const wp = startWordPress(PORT);
  const http = createHttpClient('Postwright-bench');
  const client = new MetaweblogClient(http, {
    endpoint: wp.WP_ENDPOINT,
    remoteBlogId: wp.WP_BLOG_ID,
    username: wp.WP_USER,
    password: wp.WP_PASSWORD,
  });
  const small = (index: number) => ({
    title: `Bench post ${index}`,
    description: '<p>A short post for the benchmark.</p>',
    mt_keywords: 'bench',
    post_status: 'publish',
  });
  const ours: number[] = [];
  const bare: number[] = [];
  const oneClick: number[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-publish-'));
  const core = createTestCore(dataDir);
  try {
    const call = coreCaller(core);
    await addPeerBlog(call, wp);
    await client.newPost(small(-1), true); // warm up PHP's opcode cache and the connection paths
    // Pairs in a random order, so neither side always follows the other's server-side work (cron spawns).
    for (let index = 0; index < RUNS; index++) {
      const body = encodeMethodCall('metaWeblog.newPost', [
        wp.WP_BLOG_ID,
        wp.WP_USER,
        wp.WP_PASSWORD,
        small(index),
        true,
      ]);
      const sides = [
        async () => {
          const started = performance.now();
          await barePost(wp.WP_ENDPOINT, body);
          bare.push(performance.now() - started);
        },
        async () => {
          const started = performance.now();
          await client.newPost(small(index), true);
          ours.push(performance.now() - started);
        },
      ];
      if (Math.random() < 0.5) sides.reverse();
      for (const side of sides) await side();
    }
    for (let index = 0; index < RUNS; index++) {
      const draft = await call('drafts-create', {
        title: `One click ${index}`,
        html: '<p>A short post for the benchmark.</p>',
      });
      const started = performance.now();
      await call('publish', { draftId: draft.id });
      oneClick.push(performance.now() - started);
    }
  } finally {
    await core.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    stopWordPress(PORT);
  }
  const baseline = { name: 'bare HTTP POST, same body', value: median(bare) };
  return [
    row('XML-RPC encode, 1 MB post (median of 20)', encode, 'ms', { budget: { limit: 50, of: 'value' } }),
    row('XML-RPC decode, 1 MB post (median of 20)', decode, 'ms', { budget: { limit: 300, of: 'value' } }),
    row(`publish: metaWeblog.newPost through the client (median of ${RUNS})`, median(ours), 'ms', {
      baseline,
      budget: { limit: 1.2, of: 'ratio' },
    }),
    row(
      `one-click publish: outbox + newPost + getPost read-back (median of ${RUNS})`,
      median(oneClick),
      'ms',
      {
        baseline,
        note: 'two requests (send and read back) plus the crash-safe journal: for information',
      },
    ),
  ];
};
