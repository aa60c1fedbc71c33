import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addHolder, releaseHolder } from '../peers/wordpress/lib/holders.mjs';

// Two test runs on one machine share the test WordPress on a port: the first to finish must not
// stop the blog under the other (it did, and the other run's WordPress tests failed unreachable).
describe('the test WordPress is stopped only when no living run still uses it', () => {
  const paths = () => ({ dir: mkdtempSync(join(tmpdir(), 'pw-holders-')) });

  it('leaves the blog to a run that is still going, and lets the last one stop it', async () => {
    const instance = paths();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      addHolder(instance, process.pid);
      addHolder(instance, other.pid!);
      expect(releaseHolder(instance, process.pid)).toEqual([String(other.pid)]);
      other.kill('SIGKILL');
      await new Promise((resolve) => other.once('exit', resolve));
      // A run killed before it could say it was done holds nothing.
      expect(releaseHolder(instance, process.pid)).toEqual([]);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('does not count a process that only reuses a dead run’s number', () => {
    const instance = paths();
    addHolder(instance, process.pid);
    // The note of a run that had this number before: it started at another time.
    writeFileSync(join(instance.dir, 'holders', String(process.pid)), '1\n');
    expect(releaseHolder(instance, 999_999_999)).toEqual([]);
  });
});
