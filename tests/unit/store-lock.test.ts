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

  it('takes over at once a lock whose maker was killed before it could write its name', async () => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'blogs');
    // What a kill -9 between making the lock folder and writing its owner file leaves.
    mkdirSync(lock, { recursive: true });
    const then = new Date(Date.now() - 4000);
    utimesSync(lock, then, then);
    const busy = () => new Error('busy');
    const release = await tryStoreLock(lock, busy);
    await release();
    expect(readdirSync(join(dir, '.locks'))).toEqual([]);
  });

  it('leaves alone a lock made a moment ago whose maker has not written its name yet', async () => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'blogs');
    mkdirSync(lock, { recursive: true });
    await expect(tryStoreLock(lock, () => new Error('busy'))).rejects.toThrow('busy');
    expect(existsSync(lock)).toBe(true);
  });

  it('takes over at once a lock whose maker was killed after opening its owner file, before writing it', async () => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'blogs');
    mkdirSync(lock, { recursive: true });
    writeFileSync(`${lock}.owner`, '');
    const then = new Date(Date.now() - 4000);
    utimesSync(lock, then, then);
    const release = await tryStoreLock(lock, () => new Error('busy'));
    expect(readFileSync(`${lock}.owner`, 'utf8')).toBe(`${process.pid} ${hostname()}\n`);
    await release();
    expect(readdirSync(join(dir, '.locks'))).toEqual([]);
  });

  it('leaves alone a lock made a moment ago whose owner file is still being written', async () => {
    const dir = tempDir();
    const lock = storeLockPath(dir, 'blogs');
    mkdirSync(lock, { recursive: true });
    writeFileSync(`${lock}.owner`, '');
    await expect(tryStoreLock(lock, () => new Error('busy'))).rejects.toThrow('busy');
    expect(existsSync(lock)).toBe(true);
  });
});
