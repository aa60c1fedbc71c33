import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../shared/model/bookmark';
import { bookmarkOf } from '../support/bookmarks';
import { runCliAsync } from '../support/cli';
import { startApp } from '../support/reliability/app-process';
import { useTempDir } from '../support/temp-dir';

// Issue 12, items 2–3: the running app reads what other processes wrote to the inbox before every
// answer. A change of the same length as what it read before (a line cut back and written again,
// a snapshot a sync tool rewrote in place keeping its size and time) must not go unnoticed.
const tempDir = useTempDir('postwright-inbox-reread-');

/**
 * Rewrites a file in place (same inode) with a modification time of a whole second, as a file
 * system with coarse times (FAT, some network and synced folders) or a sync tool shows it.
 */
function rewriteAtSecond(path: string, bytes: Buffer | string) {
  writeFileSync(path, bytes);
  utimesSync(path, SECOND, SECOND);
}
const SECOND = new Date('2026-12-01T10:00:00.000Z');

async function addFromCli(dataDir: string, url: string) {
  // With a title and a quote nothing is fetched: the line is all there is to it.
  const added = await runCliAsync(['inbox', 'add', url, '--title', 'Title', '--quote', 'Quote'], { dataDir });
  expect(added.status, added.stderr).toBe(0);
}

describe('the app re-reads the inbox after another process wrote it', () => {
  it('sees an acknowledged line that replaced a refused one of the same length', async () => {
    const dataDir = tempDir();
    const journal = join(dataDir, 'inbox', 'journal-0.jsonl');
    await addFromCli(dataDir, 'https://kept.example/');
    const kept = readFileSync(journal);
    const app = await startApp(dataDir);
    try {
      expect((await app.call('inbox-list', {})).map((link) => link.url)).toEqual(['https://kept.example/']);
      await addFromCli(dataDir, 'https://acknowledged.example/');
      const acknowledged = readFileSync(journal);
      // Before that append, another process's append of the same length was on disk for a moment
      // (the app read it), then refused by the disk and cut back.
      const refusedLine = acknowledged
        .subarray(kept.length)
        .toString('utf8')
        .replaceAll('acknowledged.example', 'refusedwrite.example');
      rewriteAtSecond(journal, Buffer.concat([kept, Buffer.from(refusedLine)]));
      expect((await app.call('inbox-list', {})).map((link) => link.url)).toContain(
        'https://refusedwrite.example/',
      );
      rewriteAtSecond(journal, acknowledged);
      const urls = (await app.call('inbox-list', {})).map((link) => link.url).sort();
      expect(urls).toEqual(['https://acknowledged.example/', 'https://kept.example/']);
    } finally {
      await app.stop();
    }
  }, 120_000);

  it('sees a snapshot another machine compacted, synced in place with the same size and time', async () => {
    const dataDir = tempDir();
    const snapshot = join(dataDir, 'inbox', 'snapshot.json');
    const snapshotOf = (generation: number, savedAt: string, links: Bookmark[]) =>
      JSON.stringify({
        format: 'postwright-inbox',
        version: 1,
        generation,
        savedAt,
        lastDigest: null,
        bookmarks: links,
      });
    const first = bookmarkOf({ url: 'https://first.example/', id: 'link-aaaa' });
    const second = bookmarkOf({ url: 'https://other.example/', id: 'link-bbbb' });
    // The other machine added a link and compacted; its snapshot is padded to our snapshot's size.
    const theirs = snapshotOf(2, '2026-12-01T10:00:05.000Z', [first, second]);
    const ours = sameLength(snapshotOf(1, '2026-12-01T10:00:00.000Z', [first]), theirs.length);
    mkdirSync(join(dataDir, 'inbox'), { recursive: true, mode: 0o700 });
    writeFileSync(snapshot, ours, { mode: 0o600 });
    rewriteAtSecond(snapshot, ours);
    const app = await startApp(dataDir);
    try {
      expect((await app.call('inbox-list', {})).map((link) => link.url)).toEqual(['https://first.example/']);
      // A sync tool writes the other machine's snapshot over ours, in place, keeping the time.
      rewriteAtSecond(snapshot, theirs);
      const urls = (await app.call('inbox-list', {})).map((link) => link.url).sort();
      expect(urls).toEqual(['https://first.example/', 'https://other.example/']);
    } finally {
      await app.stop();
    }
  }, 120_000);
});

/** `json` made `length` bytes long with spaces before its last brace (JSON ignores them). */
function sameLength(json: string, length: number): string {
  return `${json.slice(0, -1)}${' '.repeat(length - json.length)}}`;
}
