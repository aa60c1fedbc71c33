import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/** Another process holding part of the data folder until `release()` (stopped by its process id). */
export interface BusyHolder {
  release(): Promise<void>;
}

// Run from the repository's root, so the holder finds the same packages the app uses.
const HOLD_STORE_LOCK = `
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
const path = join(process.env.DATA_DIR, '.locks', process.env.STORE + '.lock');
mkdirSync(dirname(path), { recursive: true });
// As a Postwright process takes a store's lock: one file made with O_EXCL naming its holder,
// refreshed while held.
writeFileSync(path, process.pid + ' ' + hostname() + ' busy-holder\\n', { flag: 'wx' });
console.log('held');
setInterval(() => utimesSync(path, new Date(), new Date()), 1000);
`;

const HOLD_DRAFTS_INDEX = `
import { createRequire } from 'node:module';
import { join } from 'node:path';
const require = createRequire(join(process.cwd(), 'package.json'));
const Database = require('better-sqlite3');
const db = new Database(join(process.env.DATA_DIR, 'drafts', 'index.sqlite'));
// A writer in the middle of a transaction that does not end (a stopped or stuck process).
db.prepare('BEGIN IMMEDIATE').run();
console.log('held');
setInterval(() => undefined, 1000);
`;

async function hold(script: string, env: NodeJS.ProcessEnv): Promise<BusyHolder> {
  const child: ChildProcess = spawn(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('held')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}): ${errors}`)));
  });
  return {
    async release() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Holds `<dataDir>/.locks/<store>.lock` as a live Postwright process would, refreshing it. */
export function holdStoreLock(dataDir: string, store: string): Promise<BusyHolder> {
  return hold(HOLD_STORE_LOCK, { DATA_DIR: dataDir, STORE: store });
}

/** Holds the drafts index's write lock (an open SQLite write transaction) in another process. */
export function holdDraftsIndex(dataDir: string): Promise<BusyHolder> {
  return hold(HOLD_DRAFTS_INDEX, { DATA_DIR: dataDir });
}
