import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { searchTextOf } from '../../main/core/drafts/draft-index';
import { queryWords } from '../../main/core/drafts/draft-text';
import {
  createIndexFile,
  IndexDb,
  SEARCH_COUNT_AHEAD,
  type DocumentKind,
} from '../../main/core/drafts/index-db';
import { indexEntryOf, type IndexDoc } from '../support/index-documents';
import { seededRandom, testSeed } from '../support/seeded-random';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-index-kinds-');

/** Drafts (some in the trash) and archived posts of accented, mixed-case text with short words. */
function corpus(random: () => number): IndexDoc[] {
  const alphabet = 'abcdeéÉèfghiïÏoøAB  -';
  const text = (length: number) =>
    Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  return Array.from({ length: 160 }, (_, i) => {
    const kind: DocumentKind = i % 2 ? 'published' : 'draft';
    // Ties within a side (several rows in one second), never across: drafts on even seconds.
    const second = 2 * Math.floor(random() * 20) + (kind === 'published' ? 1 : 0);
    return {
      kind,
      id: `${kind === 'draft' ? 'd' : 'b/p'}${String(i).padStart(3, '0')}`,
      updatedAt: `2026-01-01T00:00:${String(second).padStart(2, '0')}Z`,
      trashed: kind === 'draft' && random() < 0.15,
      text: searchTextOf(text(3 + Math.floor(random() * 12)), text(5 + Math.floor(random() * 80))),
    };
  });
}

/** What archive-search answered before one query served both kinds: a page per kind, merged. */
function searchedOneKindAtATime(
  drafts: IndexDb,
  archive: IndexDb,
  words: string[],
  offset: number,
  limit: number,
) {
  const want = offset + limit;
  const d = drafts.page(words, false, 0, want);
  const a = archive.page(words, false, 0, want);
  const hits = [
    ...d.entries.map((entry) => ({ kind: 'draft', id: entry.id, updatedAt: entry.updatedAt })),
    ...a.entries.map((entry) => ({ kind: 'published', id: entry.id, updatedAt: entry.updatedAt })),
  ].sort((x, y) =>
    x.updatedAt === y.updatedAt ? x.id.localeCompare(y.id) : x.updatedAt < y.updatedAt ? 1 : -1,
  );
  return { hits: hits.slice(offset, want).map(({ kind, id }) => ({ kind, id })), total: d.total + a.total };
}

describe('one search over the drafts and the archive', () => {
  it('finds, orders, pages and counts what a search of each side did, merged', () => {
    const seed = testSeed();
    const random = seededRandom(seed);
    const docs = corpus(random);
    const path = join(tempDir(), 'index.sqlite');
    createIndexFile(path);
    const drafts = new IndexDb(path, 'draft');
    const archive = new IndexDb(path, 'published');
    for (const doc of docs)
      (doc.kind === 'draft' ? drafts : archive).put(indexEntryOf(doc), { text: doc.text });
    let found = 0;
    for (let n = 0; n < 300; n += 1) {
      const doc = docs[Math.floor(random() * docs.length)]!;
      // Words cut from a real text as typed (some upper case, accented), one to six characters.
      const raw = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const at = Math.floor(random() * doc.text.length);
        const cut = doc.text.slice(at, at + 1 + Math.floor(random() * 6));
        return random() < 0.3 ? cut.toUpperCase() : cut;
      }).join(' ');
      const words = queryWords(raw);
      const offset = Math.floor(random() * 6);
      const limit = 1 + Math.floor(random() * 15);
      const why = `${JSON.stringify(raw)} from ${offset}, ${limit} (POSTWRIGHT_TEST_SEED=${seed})`;
      const before = searchedOneKindAtATime(drafts, archive, words, offset, limit);
      const now = archive.search(words, { kinds: ['draft', 'published'], trash: false, offset, limit });
      expect(
        { hits: now.hits.map((hit) => ({ kind: hit.kind, id: hit.entry.id })), total: now.total },
        why,
      ).toEqual(before);
      // And both are what a substring search of the folded text finds, the trash left out.
      const truth = docs.filter(
        (candidate) => !candidate.trashed && words.every((word) => candidate.text.includes(word)),
      );
      expect(now.total, why).toBe(truth.length);
      found += now.total;
      // One side at a time is still each side's own page.
      for (const [db, kind] of [
        [drafts, 'draft'],
        [archive, 'published'],
      ] as const) {
        const side = drafts.search(words, { kinds: [kind], trash: false, offset, limit });
        const own = db.page(words, false, offset, limit);
        expect(
          side.hits.map((hit) => hit.entry.id),
          why,
        ).toEqual(own.entries.map((entry) => entry.id));
        expect(side.total, why).toBe(own.total);
      }
    }
    // The queries found something: a comparison of empty answers proves nothing.
    expect(found).toBeGreaterThan(300);
    drafts.close();
    archive.close();
  });

  it('counts both sides together a stretch past the page, as one side is counted', () => {
    const path = join(tempDir(), 'index.sqlite');
    createIndexFile(path);
    const archive = new IndexDb(path, 'published');
    const drafts = new IndexDb(path, 'draft');
    const each = SEARCH_COUNT_AHEAD;
    for (const [db, kind] of [
      [drafts, 'draft'],
      [archive, 'published'],
    ] as const)
      db.transaction(() => {
        for (let i = 0; i < each; i += 1) {
          const minute = String(Math.floor(i / 60) % 60).padStart(2, '0');
          const updatedAt = `2026-01-01T00:${minute}:${String(i % 60).padStart(2, '0')}Z`;
          const id = kind === 'draft' ? `d${i}` : `b/p${i}`;
          db.put(indexEntryOf({ kind, id, updatedAt, trashed: false, text: '' }), {
            text: 'council meeting',
          });
        }
      });
    const found = archive.search(['council'], {
      kinds: ['draft', 'published'],
      trash: false,
      offset: 0,
      limit: 100,
    });
    // "At least this many": exact up to the page and SEARCH_COUNT_AHEAD past it, like one side.
    expect(found.total).toBe(100 + SEARCH_COUNT_AHEAD);
    expect(found.hits.map((hit) => hit.entry.id)).toEqual(
      searchedOneKindAtATime(drafts, archive, ['council'], 0, 100).hits.map((hit) => hit.id),
    );
    // A smaller page counts less far; the whole list (no page) counts everything.
    expect(
      archive.search(['council'], { kinds: ['draft', 'published'], trash: false, offset: 0, limit: 1 }).total,
    ).toBe(1 + SEARCH_COUNT_AHEAD);
    expect(archive.search(['council'], { kinds: ['draft', 'published'], trash: false }).total).toBe(2 * each);
    drafts.close();
    archive.close();
  });
});
