import { describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../main/core/secrets/file-secret-store';
import { LazySecretStore } from '../../main/core/secrets/lazy-secret-store';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

describe('the secret store opened on first use', () => {
  it('opens nothing until a secret or its description is asked for, then opens once', async () => {
    const dir = tempDir();
    let opens = 0;
    const store = new LazySecretStore(async () => {
      opens += 1;
      return new FileSecretStore(dir);
    });
    expect(opens).toBe(0);
    await store.set('blog:1:password', 'secret');
    expect(await store.get('blog:1:password')).toBe('secret');
    expect(await store.keys()).toEqual(['blog:1:password']);
    expect(await store.info).toMatchObject({ kind: 'file', secure: false });
    await store.delete('blog:1:password');
    expect(await new FileSecretStore(dir).get('blog:1:password')).toBeUndefined();
    expect(opens).toBe(1);
  });

  it('tries to open again after a failed open, so a keyring that appears later is used', async () => {
    const dir = tempDir();
    let failing = true;
    const store = new LazySecretStore(async () => {
      if (failing) throw new Error('the secret service did not answer');
      return new FileSecretStore(dir);
    });
    await expect(store.get('blog:1:password')).rejects.toThrow('did not answer');
    failing = false;
    await store.set('blog:1:password', 'secret');
    expect(await store.get('blog:1:password')).toBe('secret');
  });
});
