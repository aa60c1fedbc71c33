import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blankDraftFields, type Draft } from '../../shared/model/draft';
import { serializeDraft } from '../../main/core/drafts/draft-file';
import {
  entryOf,
  INDEX_FORMAT_VERSION,
  searchTextOf,
  shardOf,
  SEARCH_SHARDS,
  wordCountOf,
  type IndexEntry,
  type SearchShardFile,
} from '../../main/core/drafts/draft-index';
import { DraftPaths } from '../../main/core/drafts/draft-paths';
import { htmlToText } from '../../main/core/drafts/draft-text';

const COMMON = (
  'the a of and to in is for on with at by from this that it as be are was were will can links ' +
  'awesomeness internet bookmarks brighton hove council november december meeting event london'
).split(' ');
const SYLLABLES = 'ka lo mi ne ru sa ti vo pe da gri bel tor man fen wis har pol'.split(' ');

/** A few common words and a few thousand rarer made-up ones, so a search narrows like a real one. */
function vocabulary(): string[] {
  const rare: string[] = [];
  for (const a of SYLLABLES) for (const b of SYLLABLES) for (const c of SYLLABLES) rare.push(a + b + c);
  return [...COMMON, ...rare];
}

/** A deterministic pseudo-random sequence, so every run generates the same library. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Writes `count` drafts straight into `dataDir` in the documented format (docs/data.md), with a
 * matching index.json and search shards, much faster than creating them one by one through the
 * library (no fsync: this is benchmark data). Bodies average about 500 words.
 */
export function generateDrafts(dataDir: string, count: number): { ids: string[]; bytes: number } {
  const paths = new DraftPaths(dataDir);
  const next = random(42);
  const words = vocabulary();
  // Half the words from the common list, half from the long tail.
  const word = () =>
    next() < 0.5
      ? COMMON[Math.floor(next() * COMMON.length)]!
      : words[COMMON.length + Math.floor(next() * (words.length - COMMON.length))]!;
  const sentence = (length: number) => Array.from({ length }, word).join(' ');
  mkdirSync(paths.searchFolder, { recursive: true });
  const entries: IndexEntry[] = [];
  const shards = Array.from({ length: SEARCH_SHARDS }, () => ({}) as SearchShardFile['entries']);
  const ids: string[] = [];
  let bytes = 0;
  const start = Date.parse('2024-01-01T00:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const id = `bench-${i.toString(36).padStart(4, '0')}`;
    const paragraphs = Array.from(
      { length: 3 + Math.floor(next() * 10) },
      () => `<p>${sentence(20 + Math.floor(next() * 60))}.</p>`,
    );
    const html = `<h2>${sentence(4)}</h2>${paragraphs.join('')}`;
    const text = htmlToText(html);
    const wordCount = wordCountOf(html);
    const time = new Date(start + i * 3_600_000).toISOString();
    const draft: Draft = {
      ...blankDraftFields(),
      id,
      title: `${sentence(3 + Math.floor(next() * 5))} ${i}`,
      editorState: null,
      html,
      createdAt: time,
      updatedAt: time,
      status: 'draft',
      statusMessage: null,
      remote: null,
      wordCount,
      trashedAt: null,
    };
    const folder = paths.folder(id);
    mkdirSync(join(folder, 'assets'), { recursive: true });
    mkdirSync(join(folder, 'revisions'));
    const file = serializeDraft(draft);
    writeFileSync(paths.file(id), file);
    bytes += file.length;
    const stamp = statSync(paths.file(id), { bigint: true }).mtimeNs.toString();
    entries.push(entryOf(draft, stamp));
    shards[shardOf(id)]![id] = { stamp, text: searchTextOf(draft.title, text) };
    ids.push(id);
  }
  writeFileSync(paths.index, JSON.stringify({ formatVersion: INDEX_FORMAT_VERSION, entries }));
  shards.forEach((shard, n) =>
    writeFileSync(
      paths.searchShard(n),
      JSON.stringify({ formatVersion: INDEX_FORMAT_VERSION, entries: shard }),
    ),
  );
  return { ids, bytes };
}
