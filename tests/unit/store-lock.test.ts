import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lutimesSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { storageFailure } from '../../main/core/fs/storage-failure';
import { storeLockPath, tryStoreLock, withStoreLock } from '../../main/core/fs/store-lock';
import { bundleChildScript } from '../support/bundle-child';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-lock-');
const busy = () => new Error('busy');

/** What another process left at a store's lock, made `ageMs` ago. */
function leftLock(ageMs: number, what: { text?: string; folder?: boolean }) {
  const dir = tempDir();
  const lock = storeLockPath(dir, 'blogs');
  mkdirSync(dirname(lock), { recursive: true });
  if (what.folder) {
    // As an earlier Postwright made it: a folder, and its owner file beside it.
    mkdirSync(lock);
    writeFileSync(`${lock}.owner`, '');
  } else writeFileSync(lock, what.text ?? '');
  const then = new Date(Date.now() - ageMs);
  utimesSync(lock, then, then);
  return { dir, lock };
}

/** The process id of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('a store lock', () => {
  it('still locks after a person removed the locks folder while the app ran', async () => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'inbox');
    expect(await withStoreLock(lock, async () => 'first')).toBe('first');
    rmSync(join(dir, '.locks'), { recursive: true, force: true });
    expect(await withStoreLock(lock, async () => existsSync(lock))).toBe(true);
  });

  it('says in one sentence that a file stands where the locks folder should be', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.locks'), 'not a folder');
    const error = await withStoreLock(storeLockPath(dir, 'inbox'), async () => 'never').catch(
      (e: unknown) => e,
    );
    expect(storageFailure(error)?.message).toBe(
      `Postwright could not save to ${join(dir, '.locks')}: a file stands where Postwright keeps a folder. Move that file away and try again. What was saved before is unchanged.`,
    );
  });

  it('runs one turn at a time, each starting after the last one has let go of the lock', async () => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'inbox');
    const seen: string[] = [];
    const turn = (name: string) =>
      withStoreLock(lock, async () => {
        // The lock file is this turn's alone: the one before it has been removed.
        seen.push(`${name} starts, holders: ${readdirSync(join(dir, '.locks')).length}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(`${name} ends`);
        return name;
      });
    expect(await Promise.all([turn('a'), turn('b'), turn('c')])).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual([
      'a starts, holders: 1',
      'a ends',
      'b starts, holders: 1',
      'b ends',
      'c starts, holders: 1',
      'c ends',
    ]);
    // Once every turn is over, nothing is left holding it.
    await withStoreLock(lock, async () => undefined);
    expect(readdirSync(join(dir, '.locks'))).toEqual([]);
  });

  it('names its holder while held', async () => {
    const lock = storeLockPath(tempDir(), 'calendar');
    const text = await withStoreLock(lock, async () => readFileSync(lock, 'utf8'));
    expect(text).toMatch(new RegExp(`^${process.pid} ${hostname()} [0-9a-f]{12}\\n$`));
  });

  it.each([
    ['a process on this machine that has ended', 0, () => `${deadPid()} ${hostname()} 0a1b2c3d4e5f\n`],
    ['a holder killed before it could write its name (empty), made 4 s ago', 4000, () => ''],
    ['another machine, not refreshed for 11 s', 11_000, () => `4242 some-other-host 0a1b2c3d4e5f\n`],
    [
      'a living process that stopped refreshing it 11 s ago',
      11_000,
      () => `${process.ppid} ${hostname()} x\n`,
    ],
  ])('takes over at once a lock left by %s', async (_who, ageMs, text) => {
    const { dir, lock } = leftLock(ageMs, { text: text() });
    const release = await tryStoreLock(lock, busy);
    expect(readFileSync(lock, 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    await release();
    expect(readdirSync(join(dir, '.locks'))).toEqual([]);
  });

  it('takes over a lock folder an earlier Postwright left, and its owner file', async () => {
    const { dir, lock } = leftLock(4000, { folder: true });
    const release = await tryStoreLock(lock, busy);
    expect(statSync(lock).isFile()).toBe(true);
    await release();
    expect(readdirSync(join(dir, '.locks'))).toEqual([]);
  });

  it.each([
    ['made 4 s ago, is taken over', 4000, 'taken'],
    ['made a moment ago, is waited for, not spun on', 0, 'busy'],
  ])('a link to nowhere where the lock should be, %s', async (_what, ageMs, outcome) => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'inbox');
    mkdirSync(dirname(lock), { recursive: true });
    symlinkSync(join(dir, 'nowhere'), lock);
    const then = new Date(Date.now() - ageMs);
    lutimesSync(lock, then, then);
    const taking = tryStoreLock(lock, busy);
    if (outcome === 'busy') {
      await expect(taking).rejects.toThrow('busy');
      return;
    }
    await (
      await taking
    )();
    expect(readdirSync(join(dir, '.locks'))).toEqual([]);
  });

  it.each([
    ['a living process on this machine', 0, () => `${process.ppid} ${hostname()} 0a1b2c3d4e5f\n`],
    ['a holder still writing its name (empty, made a moment ago)', 0, () => ''],
    ['another machine that refreshed it 5 s ago', 5000, () => `4242 some-other-host 0a1b2c3d4e5f\n`],
  ])('leaves alone a lock held by %s', async (_who, ageMs, text) => {
    const { lock } = leftLock(ageMs, { text: text() });
    const before = readFileSync(lock, 'utf8');
    await expect(tryStoreLock(lock, busy)).rejects.toThrow('busy');
    expect(readFileSync(lock, 'utf8')).toBe(before);
  });

  it('lets go only of its own lock: one taken over meanwhile stays with its new holder', async () => {
    const lock = storeLockPath(tempDir(), 'inbox');
    const release = await tryStoreLock(lock, busy);
    const newHolder = `${process.ppid} ${hostname()} 0a1b2c3d4e5f\n`;
    writeFileSync(lock, newHolder);
    await release();
    expect(readFileSync(lock, 'utf8')).toBe(newHolder);
  });

  it('keeps a lock it holds fresh, so a long pull is not taken for stale', async () => {
    const lock = storeLockPath(tempDir(), 'archive-pull');
    const release = await tryStoreLock(lock, busy);
    const long = new Date(Date.now() - 60_000);
    utimesSync(lock, long, long);
    await new Promise((resolve) => setTimeout(resolve, 2_800));
    expect(Date.now() - statSync(lock).mtimeMs).toBeLessThan(3_000);
    await release();
  });

  describe('a process that exits while it holds one', () => {
    let script: string;
    beforeAll(async () => {
      script = await bundleChildScript('tests/support/lock-exit.ts', 'lock-exit');
    });

    it('lets go of it, so the next process does not wait', async () => {
      const lock = storeLockPath(tempDir(), 'settings');
      const child = spawnSync(process.execPath, [script, lock], { encoding: 'utf8' });
      expect(child.stdout).toBe('held\n');
      expect(existsSync(lock)).toBe(false);
    });
  });
});
