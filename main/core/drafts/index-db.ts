import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { BUSY_WAIT_MS } from '../fs/storage-failure';
import type { IndexEntry } from './draft-index';
import { listCondition, listedRowids, type ListQuery } from './index-search';

/**
 * The schema's version (`PRAGMA user_version`). Any other version is a file from another Postwright:
 * it is derived, so it is set aside and rebuilt from the drafts.
 */
export const INDEX_SCHEMA_VERSION = 1;

/**
 * How far past the page asked for a search counts its matches: the total it answers is exact up
 * to there and "at least" beyond, which the list shows as more rows to scroll to.
 */
export const SEARCH_COUNT_AHEAD = 1000;

/** What `kind` a row has: drafts now; the blog archive's published posts will live beside them. */
export type DocumentKind = 'draft' | 'published';

/**
 * One table of documents (the list row as JSON, so new draft fields need no migration, and the
 * columns the queries sort and filter on) and two full-text indexes over the same rowids, both
 * contentless: the index never holds the text itself, only what finds it.
 * - `document_text`: trigram tokens of the folded title and body, so any substring of three
 *   characters or more matches as `text.includes(word)` did.
 * - `document_grams`: every distinct one- and two-character substring of the same text, one
 *   token each, so a query of one or two letters (the first keystrokes) is an index lookup too.
 * `text_stamp` says which version of the draft the text was taken from; a row whose text_stamp
 * is not its stamp waits for its text (the autosave never converts a body).
 */
/**
 * The folder check reads every row's stamp in id order: from this index alone it reads 50,000 in
 * 36 ms, from the table 100–240 ms, each piece holding a search typed meanwhile up to 17 ms. Made
 * at open in a file from before it (the same schema version: a version without it works as before).
 */
const STAMPS_INDEX = 'CREATE INDEX IF NOT EXISTS documents_stamps ON documents (kind, id, stamp)';

const SCHEMA = `
CREATE TABLE documents (
  rowid INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  id TEXT NOT NULL,
  stamp TEXT NOT NULL,
  text_stamp TEXT,
  updated_at TEXT NOT NULL,
  trashed INTEGER NOT NULL,
  remote_key TEXT,
  entry TEXT NOT NULL,
  UNIQUE (kind, id)
);
CREATE INDEX documents_by_edit ON documents (kind, trashed, updated_at DESC, id);
CREATE INDEX documents_text_waiting ON documents (kind) WHERE text_stamp IS NOT stamp;
${STAMPS_INDEX};
CREATE INDEX documents_by_remote ON documents (remote_key) WHERE remote_key IS NOT NULL;
CREATE VIRTUAL TABLE document_text USING fts5 (text, content='', contentless_delete=1, tokenize='trigram');
CREATE VIRTUAL TABLE document_grams USING fts5 (grams, content='', contentless_delete=1, detail=none);
PRAGMA user_version = ${INDEX_SCHEMA_VERSION};
`;

/**
 * The compiled binding, named directly: better-sqlite3 otherwise searches a dozen folders for it
 * on every start, which a one-shot command notices.
 */
function nativeBinding(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined;
  }
}

/** Thrown (and caught by IndexStore) when the file turns out damaged: it is set aside and rebuilt. */
export class IndexDamaged extends Error {}

export function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return (
    error instanceof IndexDamaged ||
    (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB'))
  );
}

/** Creates an empty index at `path` (a temporary name the caller renames into place). */
export function createIndexFile(path: string): void {
  // Made 0600 first: SQLite would make it 0644, and its -wal and -shm files take the file's mode.
  closeSync(openSync(path, 'a', 0o600));
  const db = new Database(path, { nativeBinding: nativeBinding() });
  try {
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
  } finally {
    db.close();
  }
}

/**
 * A file whose header promises more pages than it holds was cut short (a bad copy, a full disk
 * of another program): SQLite would find out only when a query reaches the missing pages.
 */
function readHeader(path: string): { inode: number; truncated: boolean } {
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    const { size, ino } = fstatSync(fd);
    if (readSync(fd, header, 0, 100, 0) < 100) return { inode: ino, truncated: true };
    const pageSize = header.readUInt16BE(16) === 1 ? 65536 : header.readUInt16BE(16);
    const pages = header.readUInt32BE(28);
    const valid = header.readUInt32BE(92) === header.readUInt32BE(24);
    return { inode: ino, truncated: valid && pages > 0 && size < pages * pageSize };
  } finally {
    closeSync(fd);
  }
}

type Row = { rowid: number; kind: DocumentKind; id: string; stamp: string; entry: string };

export interface SearchOptions {
  kinds: DocumentKind[];
  trash: boolean;
  offset?: number;
  /** Negative: every row. */
  limit?: number;
}

/** A row a search found, with the side of the index it is on. */
export interface IndexHit {
  kind: DocumentKind;
  entry: IndexEntry;
}

/**
 * The drafts index in SQLite (docs/data.md): WAL, so readers never wait for the one writer, and
 * a busy timeout as long as the store locks', so the CLI and the app write it at once. All calls
 * are synchronous and short: a row, or one query.
 */
export class IndexDb {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** The file this connection opened, to tell it from a new one another process put in its place. */
  readonly inode: number;

  /** Opens an existing index (ENOENT when there is none); IndexDamaged when this version cannot use it. */
  constructor(
    readonly path: string,
    private readonly kind: DocumentKind = 'draft',
  ) {
    const header = readHeader(path);
    if (header.truncated) throw new IndexDamaged('the index file is shorter than its header says');
    this.inode = header.inode;
    this.db = new Database(path, {
      timeout: BUSY_WAIT_MS,
      fileMustExist: true,
      nativeBinding: nativeBinding(),
    });
    try {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      const version = this.db.pragma('user_version', { simple: true });
      if (version !== INDEX_SCHEMA_VERSION) throw new IndexDamaged(`schema version ${String(version)}`);
      this.db.prepare('SELECT count(*) FROM documents').get();
      addStampsIndex(this.db);
    } catch (error) {
      this.db.close();
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)));
    return statement;
  }

  /**
   * A write transaction, its write lock taken at the start (BEGIN IMMEDIATE): a deferred one that
   * read first cannot upgrade while another process writes, and SQLite then answers "database is
   * locked" at once instead of waiting out the busy timeout (seen with two `outbox retry` at once).
   */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  get(id: string): IndexEntry | undefined {
    const row = this.statement('SELECT stamp, entry FROM documents WHERE kind = ? AND id = ?').get(
      this.kind,
      id,
    ) as Pick<Row, 'stamp' | 'entry'> | undefined;
    return row ? entryOfRow(row) : undefined;
  }

  /** Every document's stamp, for the check against the folders: one small query, no entries parsed. */
  stamps(): Map<string, string> {
    const rows = this.statement('SELECT id, stamp FROM documents WHERE kind = ?').raw().all(this.kind) as [
      string,
      string,
    ][];
    return new Map(rows);
  }

  /** Every document's id: what the CLI's quick list checks against the folder names. */
  ids(): Set<string> {
    return new Set(
      this.statement('SELECT id FROM documents WHERE kind = ?').pluck().all(this.kind) as string[],
    );
  }

  /**
   * The stamps of up to `count` documents in id order after the id `after` ('' for the first), and
   * the id to go on from (null at the end): the folder check reads 50,000 of them in pieces, so a
   * search typed meanwhile is not held up (in one query they held the app for 90-130 ms).
   */
  stampsAfter(after: string, count: number): { stamps: [string, string][]; next: string | null } {
    const stamps = this.statement(
      'SELECT id, stamp FROM documents WHERE kind = ? AND id > ? ORDER BY id LIMIT ?',
    )
      .raw()
      .all(this.kind, after, count) as [string, string][];
    return { stamps, next: stamps.length < count ? null : stamps[stamps.length - 1]![0] };
  }

  /**
   * Records a draft's row. `expected` makes it conditional (the check at open, which holds no
   * lock): the row must still have the stamp the check saw (null: no row), so a save another
   * process made meanwhile is never overwritten with what the check read before it. With `text`
   * the search text goes in too; without, the row waits for it. Returns whether it was written.
   */
  put(entry: IndexEntry, options: { expected?: string | null; text?: string } = {}): boolean {
    const { stamp, ...rest } = entry;
    const remoteKey = entry.remote ? `${entry.remote.blogId}\n${entry.remote.postId}` : null;
    const values = [
      stamp,
      entry.updatedAt,
      entry.trashedAt === null ? 0 : 1,
      remoteKey,
      JSON.stringify(rest),
    ];
    return this.transaction(() => {
      const before = this.statement('SELECT rowid, stamp FROM documents WHERE kind = ? AND id = ?').get(
        this.kind,
        entry.id,
      ) as Pick<Row, 'rowid' | 'stamp'> | undefined;
      if (options.expected !== undefined && (before?.stamp ?? null) !== options.expected) return false;
      let rowid: number;
      if (before) {
        this.statement(
          'UPDATE documents SET stamp = ?, updated_at = ?, trashed = ?, remote_key = ?, entry = ? WHERE rowid = ?',
        ).run(...values, before.rowid);
        rowid = before.rowid;
      } else {
        rowid = Number(
          this.statement(
            'INSERT INTO documents (kind, id, stamp, updated_at, trashed, remote_key, entry) VALUES (?, ?, ?, ?, ?, ?, ?)',
          ).run(this.kind, entry.id, ...values).lastInsertRowid,
        );
      }
      if (options.text !== undefined) this.writeText(rowid, stamp, options.text, before !== undefined);
      return true;
    });
  }

  /** The search text of the version with `stamp`; skipped when the row has moved on. */
  setText(id: string, stamp: string, text: string): boolean {
    return this.transaction(() => {
      const row = this.statement('SELECT rowid, stamp FROM documents WHERE kind = ? AND id = ?').get(
        this.kind,
        id,
      ) as Pick<Row, 'rowid' | 'stamp'> | undefined;
      if (!row || row.stamp !== stamp) return false;
      this.writeText(row.rowid, stamp, text, true);
      return true;
    });
  }

  private writeText(rowid: number, stamp: string, text: string, replacing: boolean): void {
    if (replacing) {
      this.statement('DELETE FROM document_text WHERE rowid = ?').run(rowid);
      this.statement('DELETE FROM document_grams WHERE rowid = ?').run(rowid);
    }
    this.statement('INSERT INTO document_text (rowid, text) VALUES (?, ?)').run(rowid, text);
    this.statement('INSERT INTO document_grams (rowid, grams) VALUES (?, ?)').run(rowid, gramsOf(text));
    this.statement('UPDATE documents SET text_stamp = ? WHERE rowid = ?').run(stamp, rowid);
  }

  /** Removes a row (and its text); with `expected`, only while it still has that stamp. */
  remove(id: string, expected?: string): boolean {
    return this.transaction(() => {
      const row = this.statement('SELECT rowid, stamp FROM documents WHERE kind = ? AND id = ?').get(
        this.kind,
        id,
      ) as Pick<Row, 'rowid' | 'stamp'> | undefined;
      if (!row || (expected !== undefined && row.stamp !== expected)) return false;
      this.statement('DELETE FROM document_text WHERE rowid = ?').run(row.rowid);
      this.statement('DELETE FROM document_grams WHERE rowid = ?').run(row.rowid);
      this.statement('DELETE FROM documents WHERE rowid = ?').run(row.rowid);
      return true;
    });
  }

  /** Rows whose search text is missing or older than the row: their drafts are read for it. */
  waitingForText(): { id: string; stamp: string }[] {
    return this.statement('SELECT id, stamp FROM documents WHERE kind = ? AND text_stamp IS NOT stamp').all(
      this.kind,
    ) as { id: string; stamp: string }[];
  }

  /**
   * Newest edit first (the id breaks ties), the drafts or the trash, holding every word of the
   * query as a substring of the folded title and body. `limit` rows from `offset`, and the total.
   */
  page(words: string[], trash: boolean, offset = 0, limit = -1): { entries: IndexEntry[]; total: number } {
    const { hits, total } = this.search(words, { kinds: [this.kind], trash, offset, limit });
    return { entries: hits.map((hit) => hit.entry), total };
  }

  /**
   * `page` over the rows of several kinds at once (the drafts and the archive), merged in the same
   * order by the query itself: the full-text lookup runs over the whole file whatever the kind, so
   * one query per kind paid it once per kind (a search of both took twice a drafts search).
   */
  search(words: string[], options: SearchOptions): { hits: IndexHit[]; total: number } {
    const { kinds, trash, offset = 0, limit = -1 } = options;
    const query: ListQuery = { kinds, trash, match: matchOf(words) };
    const statement = (sql: string) => this.statement(sql);
    if (limit < 0 && offset === 0) {
      const { where, params } = listCondition(query);
      const rows = this.statement(
        `SELECT kind, stamp, entry FROM documents WHERE ${where} ORDER BY updated_at DESC, id`,
      ).all(...params) as Row[];
      return { hits: rows.map(hitOfRow), total: rows.length };
    }
    // The matches' rowids in list order, from the top to a stretch past the page: a search counts
    // no further than that (counting all 10,000 matches of a first letter took most of a
    // keystroke's time), and the list, which sizes itself by the total, grows as it scrolls. Only
    // the page's rows are then read for their entries.
    const reach = words.length > 0 ? offset + limit + SEARCH_COUNT_AHEAD : -1;
    const hits = listedRowids(statement, query, reach);
    const total = hits.length;
    const pageIds = hits.slice(offset, offset + limit);
    if (pageIds.length === 0) return { hits: [], total };
    // BigInt rowids throughout (listedRowids), so the list is written out by hand.
    const rows = this.statement(
      'SELECT rowid, kind, stamp, entry FROM documents WHERE rowid IN (SELECT value FROM json_each(?))',
    )
      .safeIntegers()
      .all(`[${pageIds.join(',')}]`) as (Omit<Row, 'rowid'> & { rowid: bigint })[];
    const byRowid = new Map(rows.map((row) => [row.rowid, row]));
    return { hits: pageIds.map((rowid) => hitOfRow(byRowid.get(rowid)!)), total };
  }

  linkedTo(blogId: string, postId: string): string[] {
    return this.statement('SELECT id FROM documents WHERE kind = ? AND remote_key = ?')
      .pluck()
      .all(this.kind, `${blogId}\n${postId}`) as string[];
  }
}

function entryOfRow(row: Pick<Row, 'stamp' | 'entry'>): IndexEntry {
  // Set on the parsed object, not spread into a new one: spreading took 130 ms of 10,000 rows, this 25.
  const entry = JSON.parse(row.entry) as IndexEntry;
  entry.stamp = row.stamp;
  return entry;
}

function hitOfRow(row: Pick<Row, 'kind' | 'stamp' | 'entry'>): IndexHit {
  return { kind: row.kind, entry: entryOfRow(row) };
}

const WHITESPACE = /\s/u;

/** The token standing for a one- or two-character substring: `g` and the code points in hex. */
function gramToken(gram: string): string {
  return `g${[...gram].map((char) => char.codePointAt(0)!.toString(16)).join('x')}`;
}

/** Every distinct one- and two-character substring without white space, as tokens. */
export function gramsOf(text: string): string {
  const grams = new Set<string>();
  let previous = '';
  for (const char of text) {
    if (WHITESPACE.test(char)) {
      previous = '';
      continue;
    }
    grams.add(char);
    if (previous) grams.add(previous + char);
    previous = char;
  }
  return [...grams].map(gramToken).join(' ');
}

/**
 * The full-text queries for the folded words: three characters or more go to the trigram index
 * as a quoted phrase (a substring), shorter ones to the grams; a short word inside a longer one
 * of the same query adds nothing.
 */
export function matchOf(words: string[]): { text: string | null; grams: string | null } {
  const long = [...new Set(words.filter((word) => [...word].length >= 3))];
  const short = [...new Set(words.filter((word) => [...word].length < 3))].filter(
    (word) => !long.some((other) => other.includes(word)),
  );
  return {
    text: long.length ? long.map((word) => `"${word.replace(/"/g, '""')}"`).join(' AND ') : null,
    grams: short.length ? short.map(gramToken).join(' AND ') : null,
  };
}

/** Adds the stamps index to a file made before it; a disk that refuses the write keeps the file as it is. */
function addStampsIndex(db: Database.Database): void {
  const present = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'documents_stamps'")
    .get();
  if (present) return;
  try {
    db.exec(STAMPS_INDEX);
  } catch {
    // Read-only or full: the check reads the stamps from the table, as before the index existed.
  }
}
