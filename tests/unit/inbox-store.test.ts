import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../shared/model/bookmark';
import { silentLogger } from '../../main/core/platform/logger';
import { InboxStore } from '../../main/core/inbox/inbox-store';
import { bookmarkOf } from '../support/bookmarks';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-inbox-');
const clock = () => new Date('2026-01-01T00:00:00.000Z');

function link(id: string, fields: Partial<Bookmark> = {}): Bookmark {
  return bookmarkOf({
    id,
    url: `https://example.com/${id}`,
    key: `https://example.com/${id}`,
    title: `Link ${id}`,
    addedAt: '2025-12-01T00:00:00.000Z',
    updatedAt: '2025-12-01T00:00:00.000Z',
    ...fields,
  });
}

describe('the inbox store', () => {
  it('keeps every change across a restart, through the journal and after compaction', async () => {
    const dir = tempDir();
    const store = await InboxStore.open(dir, silentLogger, clock);
    await store.write([link('a'), link('b')]);
    await store.write([link('a', { title: 'Edited' })], {
      draftId: 'd',
      from: '2025-12-01',
      to: '2025-12-07',
      createdAt: 'x',
    });
    const reopened = await InboxStore.open(dir, silentLogger, clock);
    expect(reopened.get('a')?.title).toBe('Edited');
    expect(reopened.size).toBe(2);
    expect(reopened.lastDigest?.draftId).toBe('d');
    expect(readdirSync(dir)).toEqual(['journal-0.jsonl']);

    await reopened.compactNow();
    expect(readdirSync(dir).sort()).toEqual(['snapshot.json']);
    await reopened.write([link('c')]);
    const again = await InboxStore.open(dir, silentLogger, clock);
    expect([...again.all()].map((bookmark) => bookmark.id).sort()).toEqual(['a', 'b', 'c']);
    expect(again.byKey('https://example.com/c')?.id).toBe('c');
    expect(again.lastDigest?.to).toBe('2025-12-07');
  });

  it('drops a line torn by a crash and keeps appending cleanly after it', async () => {
    const dir = tempDir();
    const store = await InboxStore.open(dir, silentLogger, clock);
    await store.write([link('a')]);
    appendFileSync(join(dir, 'journal-0.jsonl'), '{"op":"put","bookmark":{"id":"torn","ur');
    const reopened = await InboxStore.open(dir, silentLogger, clock);
    expect(reopened.get('torn')).toBeUndefined();
    await reopened.write([link('b')]);
    const again = await InboxStore.open(dir, silentLogger, clock);
    expect([...again.all()].map((bookmark) => bookmark.id).sort()).toEqual(['a', 'b']);
  });

  it('sees what another process wrote and does not lose its own writes when that process compacts', async () => {
    const dir = tempDir();
    const app = await InboxStore.open(dir, silentLogger, clock);
    const cli = await InboxStore.open(dir, silentLogger, clock);
    await app.write([link('from-app')]);
    await cli.write([link('from-cli')]);
    await app.refresh();
    expect(app.get('from-cli')).toBeDefined();
    await cli.compactNow();
    await app.write([link('after-compaction')]);
    const fresh = await InboxStore.open(dir, silentLogger, clock);
    expect([...fresh.all()].map((bookmark) => bookmark.id).sort()).toEqual([
      'after-compaction',
      'from-app',
      'from-cli',
    ]);
  });

  it('forgets lines it read from an append that was then refused and cut back, and reads the next one whole', async () => {
    const dir = tempDir();
    const app = await InboxStore.open(dir, silentLogger, clock);
    const cli = await InboxStore.open(dir, silentLogger, clock);
    await cli.write([link('kept')]);
    const journal = join(dir, 'journal-0.jsonl');
    const before = readFileSync(journal);
    // The CLI's append is on disk a moment before the disk refuses its fsync and it is cut back:
    // the app, reading without the lock, sees it in between.
    appendFileSync(journal, `${JSON.stringify({ op: 'put', bookmark: link('refused') })}\n`);
    await app.refresh();
    writeFileSync(journal, before);
    await app.refresh();
    expect(app.get('refused')).toBeUndefined();
    // And again, with the next acknowledged line (longer than the refused one) already there.
    appendFileSync(journal, `${JSON.stringify({ op: 'put', bookmark: link('refused') })}\n`);
    await app.refresh();
    writeFileSync(journal, before);
    await cli.write([link('acknowledged', { title: 'A title longer than the refused line had' })]);
    await app.refresh();
    expect(app.get('refused')).toBeUndefined();
    expect(app.get('acknowledged')?.title).toBe('A title longer than the refused line had');
  });

  it('forgets links deleted more than a day ago when it compacts, keeps recent ones restorable', async () => {
    const dir = tempDir();
    const store = await InboxStore.open(dir, silentLogger, clock);
    await store.write([
      link('old', { deletedAt: '2025-12-30T00:00:00.000Z' }),
      link('recent', { deletedAt: '2025-12-31T12:00:00.000Z' }),
    ]);
    await store.compactNow();
    expect(store.get('old')).toBeUndefined();
    expect(store.get('recent')).toBeDefined();
  });

  it('sets an unreadable snapshot aside instead of deleting it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'snapshot.json'), '{"format":"postwright-inbox", torn');
    const store = await InboxStore.open(dir, silentLogger, clock);
    expect(store.size).toBe(0);
    const kept = readdirSync(join(dir, 'quarantine'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, 'quarantine', kept[0]!), 'utf8')).toContain('torn');
  });
});
