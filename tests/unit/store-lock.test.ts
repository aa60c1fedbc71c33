import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeLockPath, tryStoreLock, withStoreLock } from '../../main/core/fs/store-lock';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-lock-');

describe('a store lock', () => {
  it('still locks after a person removed the locks folder while the app ran', async () => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'inbox');
    expect(await withStoreLock(lock, async () => 'first')).toBe('first');
    rmSync(join(dir, '.locks'), { recursive: true, force: true });
    expect(await withStoreLock(lock, async () => existsSync(lock))).toBe(true);
  });

  it('runs one turn at a time, each starting after the last one has let go of the lock', async () => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'inbox');
    const seen: string[] = [];
    const turn = (name: string) =>
      withStoreLock(lock, async () => {
        // The lock folder is this turn's alone: the one before it has been removed.
        seen.push(`${name} starts, holders: ${readdirSync(join(dir, '.locks')).length}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.push(`${name} ends`);
        return name;
      });
    expect(await Promise.all([turn('a'), turn('b'), turn('c')])).toEqual(['a', 'b', 'c']);
    expect(seen).toEqual([
      'a starts, holders: 2',
      'a ends',
      'b starts, holders: 2',
      'b ends',
      'c starts, holders: 2',
      'c ends',
    ]);
    // Once every turn is over, nothing is left holding it.
    await withStoreLock(lock, async () => undefined);
    expect(readdirSync(join(dir, '.locks'))).toEqual([]);
  });

  /** What a kill -9 leaves: the lock folder, made `ageMs` ago, and maybe an owner file opened but empty. */
  function leftLock(ageMs: number, emptyOwnerFile: boolean) {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'blogs');
    mkdirSync(lock, { recursive: true });
    if (emptyOwnerFile) writeFileSync(`${lock}.owner`, '');
    const then = new Date(Date.now() - ageMs);
    utimesSync(lock, then, then);
    return { dir, lock };
  }

  it.each([
    ['before it could write its name', false],
    ['after opening its owner file, before writing it', true],
  ])('takes over at once a lock whose maker was killed %s', async (_when, emptyOwnerFile) => {
    const { dir, lock } = leftLock(4000, emptyOwnerFile);
    const release = await tryStoreLock(lock, () => new Error('busy'));
    expect(readFileSync(`${lock}.owner`, 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    await release();
    expect(readdirSync(join(dir, '.locks'))).toEqual([]);
  });

  it.each([
    ['has not written its name yet', false],
    ['is still writing its owner file', true],
  ])('leaves alone a lock made a moment ago whose maker %s', async (_when, emptyOwnerFile) => {
    const { lock } = leftLock(0, emptyOwnerFile);
    await expect(tryStoreLock(lock, () => new Error('busy'))).rejects.toThrow('busy');
    expect(existsSync(lock)).toBe(true);
  });
});
