import type Database from 'better-sqlite3';

/** What a search lists: the rows of these kinds, in the drafts or the trash, that hold the match. */
export interface ListQuery {
  /** The kinds of document (index-db's DocumentKind). */
  kinds: readonly string[];
  trash: boolean;
  /** The full-text queries (matchOf); both null: every row. */
  match: { text: string | null; grams: string | null };
}

type Statement = (sql: string) => Database.Statement;

/** The first walk step; each next one is BATCH_GROWTH times longer, so a sparse match walks far soon. */
const FIRST_BATCH = 256;
const BATCH_GROWTH = 4;
/** When a search walks the list rather than look every match up; measured, see WALK_RULES. */
export interface WalkRules {
  /** The walk is tried only in an index of at least this many rows per match it must find. */
  minRowsPerMatch: number;
  /** It gives up once it expects to walk more than this share of the rows to find them all. */
  maxWalkShare: number;
  /** It gives up once the rowid ranges it read add up to more than this share of the rowids. */
  maxSpanShare: number;
  /** It gives up when a batch's rowids fall in more ranges than this (each costs a lookup). */
  maxRanges: number;
}

/**
 * - A walk reads at least `reach` rows at about 1 µs a row, the full lookup about 0.2 µs a match,
 *   so over fewer rows the lookup is as quick (at 10,000 documents a first letter's lookup took
 *   1.9 ms, the walk through 2,560 rows of two kinds 4 ms).
 * - A rare word's lookup is cheap: at 50,000 drafts the 1,587 matches of "kalomi" took 6-8 ms in
 *   one lookup, walking to them three to four times that.
 * - Ranges adding up to every rowid have read as much of the full-text index as the lookup does.
 * - A range costs a lookup of its own (0.1-0.3 ms at 50,000 drafts): with 30 old drafts among the
 *   256 latest edits, typing took 19 ms p95 walking 31 ranges against 50 ms for the full lookup;
 *   a walk that gives up has cost 10% more than the full lookup alone.
 */
export const WALK_RULES: WalkRules = {
  minRowsPerMatch: 16,
  maxWalkShare: 0.25,
  maxSpanShare: 1,
  maxRanges: 40,
};

/**
 * The rowids of the rows `query` lists, in list order (newest edit first, the id breaking ties),
 * up to `reach` of them (negative: all). A page of a common word's search reads only the first
 * of its matches (see firstMatches); the full lookup answers the rest.
 */
export function listedRowids(
  statement: Statement,
  query: ListQuery,
  reach: number,
  rules = WALK_RULES,
): bigint[] {
  const { text, grams } = query.match;
  if (reach >= 0 && (text || grams)) {
    const first = firstMatches(statement, query, reach, rules);
    if (first) return first;
  }
  return everyMatch(statement, query, reach);
}

/** The condition and parameters of the rows `query` lists, matched by the full-text lookups. */
export function listCondition(query: ListQuery): { where: string; params: unknown[] } {
  const conditions = [`kind IN (${query.kinds.map(() => '?').join(', ')})`, 'trashed = ?'];
  const params: unknown[] = [...query.kinds, query.trash ? 1 : 0];
  for (const [table, match] of [
    ['document_text', query.match.text],
    ['document_grams', query.match.grams],
  ] as const) {
    if (!match) continue;
    conditions.push(`rowid IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`);
    params.push(match);
  }
  return { where: conditions.join(' AND '), params };
}

/**
 * One query: the full-text lookup finds every match, then the covering index (rowid, edit time,
 * id) lists them in order. Its cost grows with the number of matches of each word in the whole
 * index, so a common word pays for tens of thousands of rows the page never shows.
 */
function everyMatch(statement: Statement, query: ListQuery, reach: number): bigint[] {
  const { where, params } = listCondition(query);
  return statement(`SELECT rowid FROM documents WHERE ${where} ORDER BY updated_at DESC, id LIMIT ?`)
    .pluck()
    .safeIntegers()
    .all(...params, reach) as bigint[];
}

/**
 * A listed row, by what orders the list. Rowids are BigInts, read and bound as SQLite integers:
 * better-sqlite3 binds a JavaScript number as a REAL, and FTS5 takes no rowid bound from a REAL
 * (a range of 256 rowids then read the whole doclist: 47 ms at 50,000 drafts instead of 0.5).
 */
interface Listed {
  rowid: bigint;
  updatedAt: string;
  id: string;
}

/** What a walk has cost so far, against what the full lookup would: it gives up past that. */
interface Spent {
  readonly rules: WalkRules;
  /**
   * The rows in the index, taken as its highest rowid (SQLite numbers rows from 1 on, the next
   * one past the highest): what the full lookup reads the doclists of.
   */
  readonly rows: number;
  walked: number;
  matched: number;
  /** The rowid ranges the full-text index was read over, summed. */
  spanned: number;
}

/**
 * The first `reach` matches, found by walking each kind's list in order over the covering index
 * in growing batches and asking the full-text index which rows of each batch match, over the
 * batch's rowid range only; the kinds' walks merged in list order. Stops as soon as `reach`
 * matches are in. Null when the walk turns out dearer than the full lookup: when the matches are
 * so sparse that the walk would cover much of the list, or when the batches' rowids are so spread
 * (old drafts edited lately) that their ranges would add up to reading the whole index.
 */
function firstMatches(
  statement: Statement,
  query: ListQuery,
  reach: number,
  rules: WalkRules,
): bigint[] | null {
  const highest = Number(statement('SELECT max(rowid) FROM documents').pluck().get() ?? 0);
  if (highest < reach * rules.minRowsPerMatch) return null;
  const spent: Spent = { rules, rows: highest, walked: 0, matched: 0, spanned: 0 };
  const walks = query.kinds.map((kind) => new KindWalk(statement, query, kind, spent));
  const found: bigint[] = [];
  while (found.length < reach) {
    let next: KindWalk | undefined;
    for (const walk of walks) {
      const head = walk.head(reach);
      if (head === null) return null;
      if (head && (!next || listedBefore(head, next.head(reach)!))) next = walk;
    }
    if (!next) break;
    found.push(next.take().rowid);
  }
  return found;
}

/** One kind's matching rows in list order, read a batch at a time. */
class KindWalk {
  private matches: Listed[] = [];
  /** How many of `matches` the merge has taken. */
  private taken = 0;
  private last: Listed | null = null;
  private batch = FIRST_BATCH;
  private ended = false;

  constructor(
    private readonly statement: Statement,
    private readonly query: ListQuery,
    private readonly kind: string,
    private readonly spent: Spent,
  ) {}

  /** The next match (undefined: no more), reading batches as needed; null: give up the walk. */
  head(reach: number): Listed | undefined | null {
    while (this.taken === this.matches.length && !this.ended) {
      if (!this.read()) return null;
      // The rows the walk will have read by the time `reach` matches are in, at the rate so far.
      const { walked, matched, rows, rules } = this.spent;
      if (!this.ended && (walked * reach) / Math.max(matched, 1) > rows * rules.maxWalkShare) return null;
    }
    return this.matches[this.taken];
  }

  take(): Listed {
    return this.matches[(this.taken += 1) - 1]!;
  }

  /** Reads the next batch and keeps its matches; false when reading it would cost too much. */
  private read(): boolean {
    const rows = this.batchRows();
    this.ended = rows.length < this.batch;
    this.batch *= BATCH_GROWTH;
    if (rows.length === 0) return true;
    this.last = rows[rows.length - 1]!;
    const ranges = rangesOf(rows.map((row) => row.rowid));
    for (const [low, high] of ranges) this.spent.spanned += Number(high - low) + 1;
    const { rules, rows: all, spanned } = this.spent;
    if (ranges.length > rules.maxRanges || spanned > all * rules.maxSpanShare) return false;
    const matching = this.matchingIn(ranges);
    const kept = rows.filter((row) => matching.every((set) => set.has(row.rowid)));
    this.spent.walked += rows.length;
    this.spent.matched += kept.length;
    this.matches = kept;
    this.taken = 0;
    return true;
  }

  /** The rows after the last one read, in list order: a range of the index, bounded by its keys. */
  private batchRows(): Listed[] {
    const after = this.last ? 'AND updated_at <= @updatedAt AND (updated_at < @updatedAt OR id > @id)' : '';
    return this.statement(
      `SELECT rowid, updated_at AS updatedAt, id FROM documents WHERE kind = @kind AND trashed = @trashed ${after} ORDER BY updated_at DESC, id LIMIT @batch`,
    )
      .safeIntegers()
      .all({
        kind: this.kind,
        trashed: this.query.trash ? 1 : 0,
        batch: this.batch,
        ...(this.last ? { updatedAt: this.last.updatedAt, id: this.last.id } : {}),
      }) as Listed[];
  }

  /** The rowids in `ranges` that each full-text query matches. */
  private matchingIn(ranges: [bigint, bigint][]): Set<bigint>[] {
    const sets: Set<bigint>[] = [];
    for (const [table, match] of [
      ['document_text', this.query.match.text],
      ['document_grams', this.query.match.grams],
    ] as const) {
      if (!match) continue;
      const lookup = this.statement(
        `SELECT rowid FROM ${table} WHERE ${table} MATCH ? AND rowid BETWEEN ? AND ?`,
      )
        .pluck()
        .safeIntegers();
      const set = new Set<bigint>();
      for (const [low, high] of ranges)
        for (const rowid of lookup.all(match, low, high) as bigint[]) set.add(rowid);
      sets.push(set);
    }
    return sets;
  }
}

/**
 * The rowids as ranges to read the full-text index over: sorted, and cut where two neighbours lie
 * further apart than there are rowids, so the few old drafts edited lately among many new ones
 * cost a lookup each instead of a range over every rowid between.
 */
function rangesOf(rowids: bigint[]): [bigint, bigint][] {
  const sorted = rowids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const gap = BigInt(rowids.length);
  const ranges: [bigint, bigint][] = [];
  let low = sorted[0]!;
  let high = low;
  for (const rowid of sorted.slice(1)) {
    if (rowid - high > gap) {
      ranges.push([low, high]);
      low = rowid;
    }
    high = rowid;
  }
  ranges.push([low, high]);
  return ranges;
}

/**
 * Whether `a` comes before `b` in the list: a later edit, or the same and the smaller id, as
 * SQLite compares text (its UTF-8 bytes; JavaScript's `<` compares UTF-16 units, which order
 * differently only around the surrogates).
 */
function listedBefore(a: Listed, b: Listed): boolean {
  if (a.updatedAt !== b.updatedAt) return compareText(a.updatedAt, b.updatedAt) > 0;
  return compareText(a.id, b.id) < 0;
}

const SURROGATE_OR_ABOVE = /[\uD800-\uFFFF]/;

function compareText(a: string, b: string): number {
  if (SURROGATE_OR_ABOVE.test(a) || SURROGATE_OR_ABOVE.test(b))
    return Buffer.compare(Buffer.from(a), Buffer.from(b));
  return a < b ? -1 : a > b ? 1 : 0;
}
