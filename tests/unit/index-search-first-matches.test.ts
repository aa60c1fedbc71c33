import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { queryWords } from '../../main/core/drafts/draft-text';
import { createIndexFile, IndexDb, matchOf, type DocumentKind } from '../../main/core/drafts/index-db';
import { listCondition, listedRowids, WALK_RULES, type ListQuery } from '../../main/core/drafts/index-search';
import { indexEntryOf, type IndexDoc } from '../support/index-documents';
import { seededRandom, testSeed } from '../support/seeded-random';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-index-first-');

/** Words in every text, in most, in some, in a few; and short ones the one- and two-letter index finds. */
const EVERY = 'zephyr';
const WORDS = ['council', 'meeting', 'brighton', 'pier', 'kalomi', 'festival', 'hove', 'ab', 'q'];
const SHARES = [0.9, 0.6, 0.3, 0.1, 0.02, 0.005, 0.5, 0.4, 0.2];

/**
 * A few thousand drafts and archived posts, written in an order unrelated to the list's (so a
 * batch's rowids spread), many in the same second (ties the id breaks, within a kind and across),
 * some in the trash, and some saved again later (a new edit time on an old rowid).
 */
function corpus(random: () => number, count: number): IndexDoc[] {
  return Array.from({ length: count }, (_, i) => {
    const kind: DocumentKind = random() < 0.5 ? 'draft' : 'published';
    const second = Math.floor(random() * 400);
    const words = WORDS.filter((_, w) => random() < SHARES[w]!);
    return {
      kind,
      id: `${kind === 'draft' ? 'd' : 'b/p'}${Math.floor(random() * 1e6).toString(36)}-${i}`,
      updatedAt: new Date(Date.UTC(2026, 0, 1) + second * 1000).toISOString(),
      trashed: random() < 0.15,
      text: [EVERY, ...words].join(' '),
    };
  });
}

/** The search before the walk: every match looked up, then listed in order. */
function everyMatch(db: Database.Database, query: ListQuery, reach: number): bigint[] {
  const { where, params } = listCondition(query);
  return db
    .prepare(`SELECT rowid FROM documents WHERE ${where} ORDER BY updated_at DESC, id LIMIT ?`)
    .pluck()
    .safeIntegers()
    .all(...params, reach) as bigint[];
}

/** Rowids from just below 2^53 on, where a JavaScript number no longer tells neighbours apart. */
const HIGH_ROWIDS = 2n ** 53n - 100n;

function buildIndex(random: () => number, count: number, highRowids: boolean) {
  const path = join(tempDir(), 'index.sqlite');
  createIndexFile(path);
  if (highRowids) {
    // SQLite numbers the next row one past the highest: one placeholder row moves them all up.
    const raw = new Database(path);
    raw
      .prepare(
        "INSERT INTO documents (rowid, kind, id, stamp, updated_at, trashed, entry) VALUES (?, 'gone', 'x', '', '', 0, '{}')",
      )
      .run(HIGH_ROWIDS);
    raw.close();
  }
  const docs = corpus(random, count);
  const sides = { draft: new IndexDb(path, 'draft'), published: new IndexDb(path, 'published') };
  // One save at a time (a transaction each), the kinds interleaved as they come.
  for (const doc of docs) sides[doc.kind].put(indexEntryOf(doc), { text: doc.text });
  // Saved again later: the row keeps its rowid and moves up the list.
  for (const doc of docs.filter(() => random() < 0.1))
    sides[doc.kind].put(indexEntryOf({ ...doc, updatedAt: '2026-02-01T00:00:00.000Z' }), { text: doc.text });
  sides.draft.close();
  sides.published.close();
  const db = new Database(path, { readonly: true });
  const statements = new Map<string, Database.Statement>();
  const statement = (sql: string) => {
    if (!statements.has(sql)) statements.set(sql, db.prepare(sql));
    return statements.get(sql)!;
  };
  return { db, statement };
}

/** Every query walks, however sparse its matches and spread its rowids: the rules only choose the cheaper way. */
const ALWAYS_WALK = {
  minRowsPerMatch: 0,
  maxWalkShare: Infinity,
  maxSpanShare: Infinity,
  maxRanges: Infinity,
};

/** Reaches at the batches' edges (256, then 256 + 1,024), past them, and past every match. */
const REACHES = [1, 255, 256, 257, 1279, 1280, 1281, 10_000];

function queries(random: () => number): string[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const typed = Array.from({ length: 16 }, () => {
    const words = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      const word = pick([...WORDS, EVERY]);
      const at = Math.floor(random() * word.length);
      return word.slice(at, at + 1 + Math.floor(random() * word.length));
    });
    return words.join(' ');
  });
  // All match, none matches (a long word and a short one), the rarest word, and two words together.
  return [EVERY, 'z', 'xyzzy', 'qq', 'festival', 'council meeting', 'pier kalomi', ...typed];
}

describe('the first matches of a search, walked in list order', () => {
  for (const highRowids of [false, true])
    it(`lists the rows, order and count the full lookup lists${highRowids ? ', rowids past 2^53' : ''}`, () => {
      const seed = testSeed();
      const random = seededRandom(seed);
      const { db, statement } = buildIndex(random, 3000, highRowids);
      let compared = 0;
      let found = 0;
      for (const text of queries(random))
        for (const [kinds, trash] of [
          [['draft'], false],
          [['published'], false],
          [['draft', 'published'], false],
          [['draft'], true],
          [['draft', 'published'], true],
        ] as const) {
          const query: ListQuery = { kinds: [...kinds], trash, match: matchOf(queryWords(text)) };
          for (const reach of [...REACHES, 1 + Math.floor(random() * 3000)]) {
            const why = `${JSON.stringify(text)} in ${kinds.join('+')}${trash ? ' trash' : ''} to ${reach} (POSTWRIGHT_TEST_SEED=${seed})`;
            const before = everyMatch(db, query, reach);
            const walked = listedRowids(statement, query, reach, ALWAYS_WALK);
            expect(walked, why).toEqual(before);
            expect(listedRowids(statement, query, reach, WALK_RULES), why).toEqual(before);
            compared += 1;
            found += before.length;
          }
        }
      // The comparisons covered long lists, not only empty ones.
      expect(compared).toBeGreaterThan(1000);
      expect(found / compared).toBeGreaterThan(100);
      db.close();
      // Over 3,000 comparisons of two lookups each: 5–7 s alone, several times that on a busy machine.
    }, 120_000);
});
