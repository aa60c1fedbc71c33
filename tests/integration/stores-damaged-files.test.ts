import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedEveryKind, FILE_KINDS, DAMAGE } from '../support/reliability/corrupt-start';
import { startsWithDamagedFiles } from '../support/reliability/corrupt-runs';
import { startFakeBlog, type FakeBlog } from '../support/reliability/fake-blog';
import { printFigure } from '../support/reliability/figure';

// R3 and issue 13 item 1: each kind of data file damaged each way once (the bench starts 100 times).
let blog: FakeBlog;
let seeded: string;

beforeAll(async () => {
  blog = await startFakeBlog();
  seeded = mkdtempSync(join(tmpdir(), 'postwright-seeded-'));
  await seedEveryKind(seeded, blog);
}, 600_000);

afterAll(async () => {
  await blog.close();
  rmSync(seeded, { recursive: true, force: true });
});

it('starts with any data file damaged: the file is set aside with a time stamp and the author told', async () => {
  const result = await startsWithDamagedFiles(seeded, FILE_KINDS.length * DAMAGE.length);
  printFigure(result);
  expect(result.pass, result.value).toBe(true);
}, 900_000);
