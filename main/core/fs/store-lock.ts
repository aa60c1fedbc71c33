import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { BUSY_WAIT_MS, busyFailure } from './storage-failure';

/**
 * One lock per store, shared by every process on the data folder (the app, CLI commands, a second
 * window): a read-modify-write of a store runs inside it, so two writers never both start from the
 * same old file. The lock is one file made with O_EXCL (atomic: one maker wins) that names its
 * holder, `<pid> <hostname> <token>`, and whose modification time the holder refreshes while it
 * holds it. Taking and letting go are one change of the folder each, made at once (not through the
 * thread pool): an autosave's lock is a small share of its fsync'd write.
 *
 * A lock is taken over when its holder was a process on this machine that no longer runs (kill -9:
 * at once), when it names no one UNNAMED_AFTER_MS after it was made (a holder killed between
 * making it and naming itself), or when it was not refreshed for STALE_MS (a holder on another
 * machine sharing a synced folder, or stuck).
 */
const STALE_MS = 10_000;
const UNNAMED_AFTER_MS = 2_000;

/** `<dataDir>/.locks/<name>.lock`: every store's lock in one folder, away from the data it guards. */
export function storeLockPath(dataDir: string, name: string): string {
  return join(dataDir, '.locks', `${name}.lock`);
}

const dataFolderOf = (lockPath: string) => dirname(dirname(lockPath));

/** The locks this process holds: path → the text its file holds. */
const held = new Map<string, string>();
let watchingHeld = false;

/** Refreshes what this process holds, so no one takes it over as stale; and lets go of it at exit. */
function watchHeld(): void {
  if (watchingHeld) return;
  watchingHeld = true;
  const now = () => new Date();
  setInterval(() => {
    for (const path of held.keys()) fs.utimes(path, now(), now(), () => undefined);
  }, STALE_MS / 4).unref();
  process.once('exit', () => {
    for (const [path, text] of held) removeIfMine(path, text);
  });
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `work` holding the store's lock: first in turn within this process, then across processes.
 * Locks of different stores may nest; the same store's never does.
 */
export function withStoreLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(lockPath) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      const release = await acquire(lockPath);
      try {
        return await work();
      } finally {
        await release();
      }
    });
  const tail = run.catch(() => undefined);
  queues.set(lockPath, tail);
  void tail.then(() => {
    if (queues.get(lockPath) === tail) queues.delete(lockPath);
  });
  return run;
}

/**
 * Takes the lock for work that runs long (a pull of a whole blog, minutes) without waiting: when a
 * live process holds it, `busy` is thrown at once. Returns the release.
 */
export function tryStoreLock(lockPath: string, busy: () => Error): Promise<() => Promise<void>> {
  return acquire(lockPath, busy);
}

async function acquire(lockPath: string, busy?: () => Error): Promise<() => Promise<void>> {
  watchHeld();
  const started = Date.now();
  // Tries again at once after a takeover, a few times: what stands at the lock's path may come back
  // at every try (a link to nowhere) and must be waited out, not spun on.
  let atOnce = 0;
  for (let attempt = 0; ; attempt += 1) {
    const text = create(lockPath);
    if (text !== null) {
      held.set(lockPath, text);
      return async () => {
        held.delete(lockPath);
        removeIfMine(lockPath, text);
      };
    }
    if (takeOverIfAbandoned(lockPath) && atOnce < 3) {
      atOnce += 1;
      continue;
    }
    if (busy) throw busy();
    // Past it another process is stuck, and the author is told what to do.
    if (Date.now() - started > BUSY_WAIT_MS) throw busyFailure(dataFolderOf(lockPath));
    const wait = Math.min(25, 2 + attempt) * (0.5 + Math.random());
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** Makes the lock file naming this process; null when it is there already. */
function create(lockPath: string): string | null {
  const text = `${process.pid} ${hostname()} ${randomBytes(6).toString('hex')}\n`;
  let file: number;
  try {
    file = openExclusive(lockPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw nameTheDataFolder(error, lockPath);
  }
  try {
    fs.writeSync(file, text);
  } catch (error) {
    // A full or read-only disk: the change cannot be saved, and the author is told about the data
    // folder, not this file.
    fs.closeSync(file);
    fs.rmSync(lockPath, { force: true });
    throw nameTheDataFolder(error, lockPath);
  }
  fs.closeSync(file);
  return text;
}

function openExclusive(lockPath: string): number {
  try {
    return fs.openSync(lockPath, 'wx', 0o600);
  } catch (error) {
    // The locks folder is made on the first lock, and again if a person removed it meanwhile.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    fs.mkdirSync(dirname(lockPath), { recursive: true, mode: 0o700 });
    return fs.openSync(lockPath, 'wx', 0o600);
  }
}

function nameTheDataFolder(error: unknown, lockPath: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  // `.locks` is a file (a person or a sync tool made it): that is the path to name.
  if (code === 'ENOTDIR') (error as Error & { path?: string }).path = dirname(lockPath);
  if (code === 'ENOSPC' || code === 'EROFS' || code === 'EACCES' || code === 'EPERM' || code === 'ENOENT')
    (error as Error & { path?: string }).path = dataFolderOf(lockPath);
  return error;
}

/** Lets go only of the lock this process made: one taken over meanwhile is its new holder's. */
function removeIfMine(lockPath: string, text: string): void {
  try {
    if (fs.readFileSync(lockPath, 'utf8') === text) fs.unlinkSync(lockPath);
  } catch {
    // Gone already (taken over and let go, or the folder removed): nothing to let go of.
  }
}

/**
 * Takes over a lock its holder left (see the top of this file): it is renamed aside (atomic: one
 * waiter wins) and removed when the renamed file is still the one judged left; a new holder's lock,
 * made meanwhile, is put back. True when the lock may be tried again at once.
 */
function takeOverIfAbandoned(lockPath: string): boolean {
  let found: { text: string; modified: number; file: boolean };
  try {
    // Not followed: a link standing at the lock's path is judged (and moved) as itself.
    const stats = fs.lstatSync(lockPath);
    const file = stats.isFile();
    found = { text: file ? fs.readFileSync(lockPath, 'utf8') : '', modified: stats.mtimeMs, file };
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
  if (!isAbandoned(found)) return false;
  const aside = `${lockPath}.abandoned-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch {
    return false;
  }
  const moved = found.file ? readOrNull(aside) : '';
  if (moved !== found.text) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // Someone holds it again already; the one moved aside lost its lock either way.
    }
    fs.rmSync(aside, { force: true });
    return false;
  }
  // A folder is a lock an earlier Postwright left, with an `.owner` file beside it (a link has none).
  if (!found.file) fs.rmSync(`${lockPath}.owner`, { force: true });
  fs.rmSync(aside, { recursive: true, force: true });
  return true;
}

/** A folder (an earlier Postwright's lock) or a link names no holder: it is judged by its age alone. */
function isAbandoned({ text, modified }: { text: string; modified: number }): boolean {
  const age = Date.now() - modified;
  if (age > STALE_MS) return true;
  if (text.trim() === '') return age > UNNAMED_AFTER_MS;
  return !isLive(text);
}

function readOrNull(path: string): string | null {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function isLive(owner: string): boolean {
  const [pidText, host] = owner.trim().split(' ');
  const pid = Number(pidText);
  if (host !== hostname()) return true; // another machine sharing the folder: only staleness tells
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
