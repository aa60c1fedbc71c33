import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  /** The mounted folder: put a data folder inside it. */
  dir: string;
  /** Fills the disk to the last byte (a real ENOSPC for the next write), leaving `free` bytes. */
  fill(free?: number): void;
  /** Gives the space back. */
  empty(): void;
  readOnly(on: boolean): void;
  remove(): void;
}

/**
 * A real small disk: a tmpfs of `sizeKb` mounted on a fresh folder (it needs root, as `npm test`
 * runs in CI; elsewhere this throws and says so). Writes past its size fail with ENOSPC, and
 * remounting it read-only gives EROFS, as a full or read-only disk does.
 */
export function mountSmallDisk(sizeKb: number): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'postwright-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k,mode=0755`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `The disk-full tests mount a small tmpfs and need root for it: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`,
      { cause: error },
    );
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill(free = 0) {
      const fd = openSync(filler, 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      let size = 0;
      try {
        for (;;) size += writeSync(fd, chunk);
      } catch {
        // ENOSPC: full
      } finally {
        closeSync(fd);
      }
      if (free > 0) truncateSync(filler, Math.max(0, size - free));
    },
    empty() {
      rmSync(filler, { force: true });
    },
    readOnly(on) {
      // The kernel refuses while a file is still being closed ("busy"): try again for a moment.
      for (let attempt = 0; ; attempt += 1) {
        try {
          execFileSync('mount', ['-o', `remount,${on ? 'ro' : 'rw'}`, dir], { stdio: 'pipe' });
          return;
        } catch (error) {
          if (attempt >= 50) throw error;
          execFileSync('sleep', ['0.2']);
        }
      }
    },
    remove() {
      execFileSync('umount', [dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
