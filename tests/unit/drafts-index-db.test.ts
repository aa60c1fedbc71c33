import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndexEntry } from '../../main/core/drafts/draft-index';
import {
  createIndexFile,
  gramsOf,
  IndexDb,
  matchOf,
  SEARCH_COUNT_AHEAD,
} from '../../main/core/drafts/index-db';
import { openLibrary } from '../support/drafts';
import { seededRandom, testSeed } from '../support/seeded-random';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-index-db-');

function entry(id: string, updatedAt: string, trashed = false): IndexEntry {
  return {
    id,
    title: id,
    snippet: '',
    updatedAt,
    publishAt: null,
    status: 'draft',
    wordCount: 0,
    trashedAt: trashed ? updatedAt : null,
    createdAt: updatedAt,
    statusMessage: null,
    remote: null,
    stamp: '1',
  };
}

function openDb(): IndexDb {
  const path = join(tempDir(), 'index.sqlite');
  createIndexFile(path);
  return new IndexDb(path);
}

describe('the drafts search index', () => {
  it('finds exactly what a substring search of the folded text finds, for words of any length', () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    const alphabet = 'abcdeéfghio -\'"*()';
    const texts = Array.from({ length: 120 }, () =>
      Array.from(
        { length: 5 + Math.floor(random() * 60) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join(''),
    );
    const db = openDb();
    texts.forEach((text, i) =>
      db.put(entry(`d${i}`, `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`), { text }),
    );
    for (let query = 0; query < 300; query += 1) {
      const text = texts[Math.floor(random() * texts.length)]!;
      // Words cut from a real text (so some match), of one to six characters, one to three of them.
      const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const at = Math.floor(random() * text.length);
        return text.slice(at, at + 1 + Math.floor(random() * 6)).trim();
      }).filter((word) => word && !/\s/.test(word));
      if (words.length === 0) continue;
      const expected = texts
        .map((t, i) => ({ id: `d${i}`, t }))
        .filter(({ t }) => words.every((word) => t.includes(word)))
        .map(({ id }) => id)
        .sort();
      const found = db
        .page(words, false)
        .entries.map((row) => row.id)
        .sort();
      expect(found, `${JSON.stringify(words)} (POSTWRIGHT_TEST_SEED=${seed})`).toEqual(expected);
    }
    db.close();
  });

  it('reads the stamps from their own index, added at open to a file made before it', () => {
    const path = join(tempDir(), 'index.sqlite');
    createIndexFile(path);
    const older = new Database(path);
    older.exec('DROP INDEX documents_stamps');
    older.close();
    const db = new IndexDb(path);
    for (const id of ['b', 'a', 'c']) db.put({ ...entry(id, '2026-12-01T10:00:00Z'), stamp: `stamp-${id}` });
    expect(db.stampsAfter('', 2)).toEqual({
      stamps: [
        ['a', 'stamp-a'],
        ['b', 'stamp-b'],
      ],
      next: 'b',
    });
    expect(db.stampsAfter('b', 2)).toEqual({ stamps: [['c', 'stamp-c']], next: null });
    db.close();
    const plan = new Database(path, { readonly: true })
      .prepare(
        "EXPLAIN QUERY PLAN SELECT id, stamp FROM documents WHERE kind = 'draft' AND id > '' ORDER BY id",
      )
      .all() as { detail: string }[];
    expect(plan.map((step) => step.detail).join()).toContain('COVERING INDEX documents_stamps');
  });

  it('reads quotes and query syntax as text', () => {
    expect(matchOf(['say "hi"', 'and', 'or*', 'x'])).toEqual({
      text: '"say ""hi""" AND "and" AND "or*"',
      grams: 'g78',
    });
    // A short word inside a longer one adds nothing; two-character grams name both characters.
    expect(matchOf(['brighton', 'ri', 'zé'])).toEqual({ text: '"brighton"', grams: 'g7ax' + 'e9' });
    expect(gramsOf('ab a')).toBe('g61 g62 g61x62');
  });

  it('lists newest edit first, pages and counts, and keeps the trash apart', () => {
    const db = openDb();
    for (let i = 0; i < 30; i += 1)
      db.put(
        entry(
          `d${String(i).padStart(2, '0')}`,
          `2026-01-${String(1 + (i % 10)).padStart(2, '0')}T00:00:00Z`,
          i % 7 === 0,
        ),
        {
          text: i % 2 ? 'council meeting' : 'pier',
        },
      );
    const all = db.page([], false);
    expect(all.total).toBe(25);
    const sorted = [...all.entries].sort((a, b) =>
      a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1,
    );
    expect(all.entries.map((row) => row.id)).toEqual(sorted.map((row) => row.id));
    const second = db.page(['council'], false, 5, 5);
    expect(second.total).toBe(all.entries.filter((row) => Number(row.id.slice(1)) % 2).length);
    expect(second.entries.map((row) => row.id)).toEqual(
      all.entries
        .filter((row) => Number(row.id.slice(1)) % 2)
        .slice(5, 10)
        .map((row) => row.id),
    );
    expect(
      db
        .page(['pier'], true)
        .entries.map((row) => row.id)
        .sort(),
    ).toEqual(['d00', 'd14', 'd28']);
    db.close();
  });

  it('counts a search only a stretch past the page asked for, the list growing as it scrolls', () => {
    const db = openDb();
    const many = 2 * (SEARCH_COUNT_AHEAD + 300);
    db.transaction(() => {
      for (let i = 0; i < many; i += 1) {
        const id = `d${String(i).padStart(5, '0')}`;
        db.put(entry(id, `2026-01-01T00:00:00Z`), { text: i % 2 ? 'council meeting' : 'pier' });
      }
    });
    const matching = many / 2;
    // Few matches: counted exactly, from the page itself.
    expect(db.page(['council', 'pie'], false, 0, 100).total).toBe(0);
    // Many: the first page says "at least this many", a later one further down says more.
    const first = db.page(['council'], false, 0, 100);
    expect(first.entries).toHaveLength(100);
    expect(first.total).toBe(100 + SEARCH_COUNT_AHEAD);
    const last = db.page(['council'], false, 600, 100);
    expect(last.total).toBe(matching);
    expect(last.entries.map((row) => row.id)).toEqual(
      db
        .page(['council'], false)
        .entries.slice(600, 700)
        .map((row) => row.id),
    );
    // The whole list (no query) is always counted exactly.
    expect(db.page([], false, 0, 100).total).toBe(many);
    db.close();
  });

  it('replaces a row only while it has the stamp the caller saw', () => {
    const db = openDb();
    expect(
      db.put({ ...entry('a', '2026-01-01T00:00:00Z'), stamp: '5' }, { expected: null, text: 'one' }),
    ).toBe(true);
    // Another process saved meanwhile: the check's older read does not overwrite it.
    expect(
      db.put({ ...entry('a', '2026-01-01T00:00:00Z'), stamp: '4' }, { expected: null, text: 'old' }),
    ).toBe(false);
    expect(db.get('a')?.stamp).toBe('5');
    expect(db.setText('a', '4', 'old')).toBe(false);
    expect(db.page(['one'], false).total).toBe(1);
    expect(db.remove('a', '4')).toBe(false);
    expect(db.remove('a', '5')).toBe(true);
    expect(db.page([], false).total).toBe(0);
    db.close();
  });
});

describe('a damaged drafts index', () => {
  it('found while the library is open is set aside and rebuilt, and the search still answers', async () => {
    const dir = tempDir();
    const { library, events } = openLibrary(dir);
    await library.create({ title: 'Zeppelin', html: '<p>An airship over the pier</p>' });
    await library.create({ title: 'Other', html: '<p>nothing</p>' });
    expect(await library.list({ query: 'airship' })).toHaveLength(1);
    await library.close();
    const reopened = openLibrary(dir);
    await reopened.library.ready;
    // Another program writes over the file while it is open.
    writeFileSync(join(dir, 'drafts', 'index.sqlite'), Buffer.alloc(64 * 1024, 0x5a));
    const found = await reopened.library.list({ query: 'airship' });
    expect(found.map((draft) => draft.title)).toEqual(['Zeppelin']);
    expect((await reopened.library.list()).map((draft) => draft.title).sort()).toEqual(['Other', 'Zeppelin']);
    expect(reopened.events.some((event) => event.event === 'drafts-quarantined')).toBe(true);
    expect(events.some((event) => event.event === 'drafts-quarantined')).toBe(false);
    await reopened.library.close();
  });
});
