import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../main/core/fs/atomic-write';
import { safeJoin } from '../../main/core/fs/safe-join';
import { resolveDataDir } from '../../main/core/platform/data-dir-path';
import { FileSecretStore } from '../../main/core/secrets/file-secret-store';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

describe('the file secret store', () => {
  it('keeps secrets in a file only the user can read, and says it is not encrypted', async () => {
    const dir = tempDir();
    const store = new FileSecretStore(dir);
    await Promise.all([store.set('blog:1:password', 'p&ss "w"'), store.set('blog:2:token', 'abc')]);
    expect(await store.get('blog:1:password')).toBe('p&ss "w"');
    expect(await store.get('blog:2:token')).toBe('abc');
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(store.info).toMatchObject({ kind: 'file', secure: false });
    expect(store.info.description).toContain('unencrypted');
    await store.delete('blog:1:password');
    expect(await new FileSecretStore(dir).get('blog:1:password')).toBeUndefined();
  });
});

describe('crash-safe writes', () => {
  it('replaces a file whole and leaves no temporary files behind', async () => {
    const dir = tempDir();
    const file = join(dir, 'draft.json');
    writeFileSync(file, 'old');
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['draft.json']);
  });

  it('records what must come first (an index row) before the file is replaced, and a refused record leaves the file as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'draft.json');
    writeFileSync(file, 'old');
    const seen: string[] = [];
    await writeFileAtomic(file, 'new', {
      beforeReplace: async (temp) => {
        seen.push(readFileSync(temp, 'utf8'), readFileSync(file, 'utf8'));
      },
    });
    // The new version is written under its temporary name; the old one is still in place.
    expect(seen).toEqual(['new', 'old']);
    expect(readFileSync(file, 'utf8')).toBe('new');

    await expect(
      writeFileAtomic(file, 'newer', {
        beforeReplace: () => Promise.reject(new Error('database or disk is full')),
      }),
    ).rejects.toThrow('database or disk is full');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['draft.json']);
  });
});

describe('paths', () => {
  it('never serves a file outside its folder', () => {
    expect(safeJoin('/srv/app', '/index.html')).toBe('/srv/app/index.html');
    // Climbing is clamped at the root: the worst a hostile path reaches is a file inside it.
    expect(safeJoin('/srv/app', '/../etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(safeJoin('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBe('/srv/app/etc/passwd');
    expect(safeJoin('/srv/app', '/a/%00')).toBeNull();
    expect(safeJoin('/srv/app', '/%E0%A4%A')).toBeNull();
  });

  it('takes the data folder from --data-dir, then POSTWRIGHT_DATA_DIR, then the app data folder', () => {
    expect(resolveDataDir('/tmp/a', { POSTWRIGHT_DATA_DIR: '/tmp/b' })).toBe('/tmp/a');
    expect(resolveDataDir(undefined, { POSTWRIGHT_DATA_DIR: '/tmp/b' })).toBe('/tmp/b');
    expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/home/x/.config' })).toMatch(/Postwright$/);
  });
});
