import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { appWritesAtEveryWrite, diskFullAtEveryWrite } from '../support/reliability/disk-full';
import { printFigure } from '../support/reliability/figure';
import { mountSmallDisk } from '../support/reliability/small-disk';

// R2: the writes that once failed part-way with space left (the draft folder renamed into place
// before its index row, the trash flag on disk before its row, an empty journal made by a refused
// line), each with 0, 4 … 64 KB free; then every write of the running app with 0, 4 … 96 KB free
// (an autosave's revision once outlived the refused save). The sweep of every store is
// `npm run bench:reliability disk`.
it('a CLI write with a little space left is kept whole or refused with every file as it was', async () => {
  const disk = mountSmallDisk(6 * 1024);
  try {
    const dataDir = join(disk.dir, 'data');
    mkdirSync(dataDir);
    const result = await diskFullAtEveryWrite(disk, dataDir, 64, ['drafts', 'drafts (trash)', 'inbox']);
    printFigure(result);
    expect(result.pass, result.value).toBe(true);
  } finally {
    disk.remove();
  }
}, 900_000);

it('an app write the disk refuses part-way leaves every file as it was, and no revision of a version it did not save', async () => {
  const disk = mountSmallDisk(6 * 1024);
  try {
    const dataDir = join(disk.dir, 'data');
    mkdirSync(dataDir);
    const result = await appWritesAtEveryWrite(disk, dataDir, 96);
    printFigure(result);
    expect(result.pass, result.value).toBe(true);
  } finally {
    disk.remove();
  }
}, 900_000);
