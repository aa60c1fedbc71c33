import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { diskFullEveryStore } from '../support/reliability/disk-full';
import { printFigure } from '../support/reliability/figure';
import { mountSmallDisk } from '../support/reliability/small-disk';

// R2 and issue 12 item 7 on a real full disk: a 6 MB tmpfs this test mounts and removes.
it('a full or read-only disk: files intact, one sentence, the app’s memory equals the disk, the next write kept', async () => {
  const disk = mountSmallDisk(6 * 1024);
  try {
    const dataDir = join(disk.dir, 'data');
    mkdirSync(dataDir);
    const [result] = await diskFullEveryStore(disk, dataDir);
    printFigure(result!);
    expect(result!.pass, result!.value).toBe(true);
  } finally {
    disk.remove();
  }
}, 900_000);
