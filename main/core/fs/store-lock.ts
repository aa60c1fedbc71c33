import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import * as fs from 'node:fs';
import type { lock as Lock } from './lockfile';
import { BUSY_WAIT_MS, busyFailure } from './storage-failure';

/**
 * One lock per store, shared by every process on the data folder (the app, CLI commands, a second
 * window): a read-modify-write of a store runs inside it, so two writers never both start from the
 * same old file. proper-lockfile makes the lock a folder (`mkdir` is atomic) whose modification
 * time it refreshes while held; a lock not refreshed for STALE_MS is taken over. Beside it an
 * `.owner` file names the holder, so the lock of a process that died (kill -9) on this machine is
 * taken over at once instead of after STALE_MS.
 */
const STALE_MS = 10_000;
/**
 * A live holder writes its owner file within milliseconds of making the lock folder; a folder this
 * old with no owner file, or an empty one, was left by a process killed between the steps.
 */
const UNNAMED_AFTER_MS = 2_000;

/** `<dataDir>/.locks/<name>.lock`: every store's lock in one folder, away from the data it guards. */
export function storeLockPath(dataDir: string, name: string): string {
  return join(dataDir, '.locks', `${name}.lock`);
}

const ownerFile = (lockPath: string) => `${lockPath}.owner`;

/**
 * The file system proper-lockfile works through: removing a lock (release, takeover, exit) removes
 * its owner file first, so an owner file never outlives its lock into someone else's.
 */
const lockFs = {
  mkdir: fs.mkdir,
  stat: fs.stat,
  utimes: fs.utimes,
  realpath: fs.realpath,
  rmdir(path: string, callback: (error: NodeJS.ErrnoException | null) => void) {
    fs.unlink(ownerFile(path), () => fs.rmdir(path, callback));
  },
  rmdirSync(path: string) {
    fs.rmSync(ownerFile(path), { force: true });
    fs.rmdirSync(path);
  },
};

const queues = new Map<string, Promise<unknown>>();

/**
 * proper-lockfile (with graceful-fs, which patches a copy of fs as it loads) is read on the first
 * lock, not when the core starts: most starts take no lock before the app is up (`serve` listens
 * 15–20 ms sooner).
 */
let lockfile: Promise<{ lock: typeof Lock }> | undefined;
const loadLockfile = () => (lockfile ??= import('./lockfile'));

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
        await release().catch(() => undefined);
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

/** Lock folders this process has made: the folder is made once, not before every save. */
const madeFolders = new Set<string>();

async function makeLockFolder(lockPath: string): Promise<void> {
  await mkdir(dirname(lockPath), { recursive: true, mode: 0o700 }).catch((error: Error) => {
    throw Object.assign(error, { path: dirname(dirname(lockPath)) });
  });
  madeFolders.add(dirname(lockPath));
}

async function acquire(lockPath: string, busy?: () => Error): Promise<() => Promise<void>> {
  if (!madeFolders.has(dirname(lockPath))) await makeLockFolder(lockPath);
  const { lock } = await loadLockfile();
  const started = Date.now();
  for (let attempt = 0; ; attempt += 1) {
    try {
      const release = await lock(lockPath, {
        lockfilePath: lockPath,
        realpath: false,
        stale: STALE_MS,
        retries: 0,
        fs: lockFs,
        // A holder stalled past STALE_MS lost the lock to a waiter; its write still lands whole.
        onCompromised: () => undefined,
      });
      try {
        // Written at once (a few bytes, three system calls): three trips through the thread pool
        // cost an autosave a tenth of its time.
        fs.writeFileSync(ownerFile(lockPath), `${process.pid} ${hostname()}\n`, { mode: 0o600 });
      } catch (error) {
        // A full or read-only disk: the change cannot be saved, and the author is told about the
        // data folder, not this file.
        await release().catch(() => undefined);
        throw Object.assign(error as Error, { path: dirname(dirname(lockPath)) });
      }
      return release;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // The lock folder was removed since this process made it (a person tidying the data folder).
      if (code === 'ENOENT' && attempt === 0) {
        await makeLockFolder(lockPath);
        continue;
      }
      if (code !== 'ELOCKED') {
        if (code === 'ENOSPC' || code === 'EROFS' || code === 'EACCES')
          (error as Error & { path?: string }).path = dirname(dirname(lockPath));
        throw error;
      }
      if (await takeOverIfHolderDied(lockPath)) continue;
      if (busy) throw busy();
      // Past it another process is stuck, and the author is told what to do.
      if (Date.now() - started > BUSY_WAIT_MS) throw busyFailure(dirname(dirname(lockPath)));
      const wait = Math.min(25, 2 + attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * A lock whose owner was a process on this machine that no longer runs was left by a crash. The
 * owner file is renamed away first (atomic: one waiter wins), and the lock removed only when the
 * renamed file still names the dead process.
 */
async function takeOverIfHolderDied(lockPath: string): Promise<boolean> {
  const owner = await readFile(ownerFile(lockPath), 'utf8').catch(() => null);
  // An empty owner file is a holder killed between opening the file and writing its name.
  if (owner === null || owner.trim() === '') return takeOverIfNeverNamed(lockPath);
  if (isLive(owner)) return false;
  const claimed = `${ownerFile(lockPath)}.${process.pid}-${Date.now()}`;
  try {
    await rename(ownerFile(lockPath), claimed);
  } catch {
    return false;
  }
  const moved = await readFile(claimed, 'utf8').catch(() => '');
  if (moved !== owner) {
    // A new holder wrote its owner file meanwhile: give it back.
    await rename(claimed, ownerFile(lockPath)).catch(() => undefined);
    return false;
  }
  await rm(claimed, { force: true });
  await rm(lockPath, { recursive: true, force: true });
  return true;
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

/**
 * A lock folder with no owner file (or an empty one), made more than UNNAMED_AFTER_MS ago: its
 * maker died before naming itself, and without this the lock would wait out STALE_MS. The folder
 * is renamed away (atomic: one waiter wins) and removed; one that was named meanwhile is put back.
 */
async function takeOverIfNeverNamed(lockPath: string): Promise<boolean> {
  const made = await stat(lockPath).then(
    (stats) => stats.mtimeMs,
    () => null,
  );
  if (made === null || Date.now() - made < UNNAMED_AFTER_MS) return false;
  const aside = `${lockPath}.unnamed-${process.pid}-${Date.now()}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return false;
  }
  const owner = await readFile(ownerFile(lockPath), 'utf8').catch(() => null);
  if (owner !== null && owner.trim() !== '' && isLive(owner)) {
    await rename(aside, lockPath).catch(() => undefined);
    return false;
  }
  await rm(aside, { recursive: true, force: true });
  return true;
}
