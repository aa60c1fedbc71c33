import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/** Runs a command to its end; its wall time in ms, and its stdout. */
function timed(command: string, args: string[], input?: string): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', input });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${command} ${args.slice(0, 4).join(' ')} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/** What a script author would write: python's xmlrpc.client, newPost then getPost to read it back. */
const PYTHON_PUBLISH = `import sys, xmlrpc.client
endpoint, blog, user, password, title = sys.argv[1:6]
server = xmlrpc.client.ServerProxy(endpoint)
post = {"title": title, "description": "<p>A short post for the benchmark.</p>", "post_status": "publish"}
post_id = server.metaWeblog.newPost(blog, user, password, post, True)
print(server.metaWeblog.getPost(post_id, user, password)["link"])`;

/**
 * `postwright publish` of a new draft, a whole CLI process, against python's xmlrpc.client doing
 * the same two requests, alternated run by run, into `times`. Nothing when there is no python3 here.
 */
function cliPublish(
  wp: ReturnType<typeof startWordPress>,
  runs: number,
  times: { cli: number[]; python: number[] },
): void {
  if (spawnSync('python3', ['-c', 'import xmlrpc.client']).status !== 0) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-cli-publish-'));
  const cli = (args: string[], input?: string) =>
    timed(process.execPath, ['dist/cli/postwright.mjs', '--data-dir', dataDir, ...args], input);
  try {
    cli(['blogs', 'add', wp.WP_URL, '--user', wp.WP_USER, '--password-stdin', '--json'], wp.WP_PASSWORD);
    const body = join(dataDir, 'post.html');
    writeFileSync(body, '<p>A short post for the benchmark.</p>');
    for (let index = 0; index < runs; index += 1) {
      const python = () =>
        times.python.push(
          timed('python3', [
            '-c',
            PYTHON_PUBLISH,
            wp.WP_ENDPOINT,
            wp.WP_BLOG_ID,
            wp.WP_USER,
            wp.WP_PASSWORD,
            `Python ${index}`,
          ]).ms,
        );
      if (index % 2) python();
      const draft = JSON.parse(
        cli(['drafts', 'new', '--title', `CLI ${index}`, '--html', body, '--json']).stdout,
      ) as {
        id: string;
      };
      times.cli.push(cli(['publish', draft.id, '--json']).ms);
      if (index % 2 === 0) python();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
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
  const fromCli = { cli: [] as number[], python: [] as number[] };
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
    cliPublish(wp, 7, fromCli);
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
    ...(fromCli.cli.length > 0
      ? [
          row('publish: `postwright publish` of a new draft (median of 7)', median(fromCli.cli), 'ms', {
            baseline: { name: 'python xmlrpc.client newPost + getPost', value: median(fromCli.python) },
            budget: { limit: 1.5, of: 'ratio' },
            note: 'whole processes, alternated; the CLI also keeps the outbox journal and the draft',
          }),
        ]
      : []),
  ];
};
