#!/usr/bin/env node
// The test WordPress: a real blog (the operating system's WordPress package, a private MariaDB and
// PHP's built-in server) on 127.0.0.1, one instance per port, for the MetaWeblog tests.
//
//   node tests/peers/wordpress/peer.mjs up   --port 8781    start it (or find it running)
//   node tests/peers/wordpress/peer.mjs down --port 8781    stop it; --purge also deletes its data
//
// With `--holder PID` (what the tests pass: their own process), `up` notes that PID uses the blog
// and `down` stops it only when no other living process noted so: two runs can share a port.
//
// `up` prints one JSON line on stdout: the blog's addresses and administrator, or {"error": "..."}
// with the one sentence that says why it could not start (exit status 1). Progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { addHolder, releaseHolder } from './lib/holders.mjs';
import { credentials, instance, parsePort, PeerError } from './lib/instance.mjs';
import { mysqlNeedle, startMariaDb } from './lib/mariadb.mjs';
import { ensurePackages } from './lib/packages.mjs';
import { checkXmlRpc, claimPort, phpNeedle, startPhpServer } from './lib/php-server.mjs';
import { stopDaemon } from './lib/processes.mjs';
import { installBlog, prepareFiles } from './lib/site.mjs';

const log = (message) => process.stderr.write(`[test WordPress] ${message}\n`);

async function up(paths) {
  const started = Date.now();
  await claimPort(paths);
  ensurePackages(log);
  mkdirSync(paths.logs, { recursive: true });
  writeFileSync(paths.marker, 'made by tests/peers/wordpress/peer.mjs\n');
  await startMariaDb(paths, log);
  prepareFiles(paths);
  await startPhpServer(paths);
  const peer = credentials(paths, installBlog(paths));
  await checkXmlRpc(peer);
  log(`${paths.url} is ready (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return peer;
}

async function down(paths, purge, holder) {
  if (holder !== undefined) {
    const others = releaseHolder(paths, holder);
    if (others.length > 0)
      return log(`${paths.url} is left running: process ${others.join(', ')} still uses it`);
  }
  await stopDaemon(paths.phpPid, phpNeedle(paths), 10_000);
  await stopDaemon(paths.mysqlPid, mysqlNeedle(paths), 60_000);
  // Only a folder this script made is ever deleted.
  if (purge && existsSync(paths.marker)) rmSync(paths.dir, { recursive: true, force: true });
  rmSync(paths.socket, { force: true });
}

/** One `up` or `down` at a time per port: a second caller waits, then finds the blog running. */
function runUnderLock(paths) {
  if (process.env.POSTWRIGHT_WP_LOCKED === String(paths.port)) return;
  const locked = spawnSync(
    'flock',
    ['-w', '900', `${paths.dir}.lock`, process.execPath, ...process.argv.slice(1)],
    {
      stdio: 'inherit',
      env: { ...process.env, POSTWRIGHT_WP_LOCKED: String(paths.port) },
    },
  );
  if (!locked.error) process.exit(locked.status ?? 1); // else no flock here: run unlocked
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const portAt = rest.indexOf('--port');
  const holderAt = rest.indexOf('--holder');
  const paths = instance(parsePort(portAt >= 0 ? rest[portAt + 1] : '8781'));
  const holder = holderAt >= 0 ? parseHolder(rest[holderAt + 1]) : undefined;
  if (command !== 'up' && command !== 'down')
    throw new PeerError('Usage: peer.mjs up|down --port N [--holder PID] [--purge]');
  runUnderLock(paths);
  if (command === 'down') return down(paths, rest.includes('--purge'), holder);
  try {
    const peer = await up(paths);
    if (holder !== undefined) addHolder(paths, holder);
    process.stdout.write(`${JSON.stringify(peer)}\n`);
  } catch (error) {
    // A blog that could not start leaves nothing running behind it, unless another run still uses it.
    await down(paths, false, holder).catch(() => undefined);
    throw error;
  }
}

function parseHolder(value) {
  if (!/^\d+$/.test(String(value))) throw new PeerError(`"${value}" is not a process id.`);
  return Number(value);
}

main().catch((error) => {
  if (!(error instanceof PeerError)) process.stderr.write(`${error.stack}\n`);
  const sentence = error instanceof PeerError ? error.message : `The test WordPress failed: ${error.message}`;
  process.stdout.write(`${JSON.stringify({ error: sentence })}\n`);
  log(sentence);
  process.exit(1);
});
