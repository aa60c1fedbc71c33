import { randomBytes } from 'node:crypto';
import { open, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Draft, DraftRevision } from '../../../shared/model/draft';
import { writeFileAtomic } from '../fs/atomic-write';
import { parseDraftFile, serializeDraft } from './draft-file';
import type { DraftPaths } from './draft-paths';

export const MAX_REVISIONS = 20;
export const REVISION_INTERVAL_MS = 60_000;
const REVISION_NAME = /^(\d{13})-[0-9a-f]{8}\.json$/;
const HEADER_BYTES = 16 * 1024;

/** A revision kept for a write still to come: settled by how that write ended. */
export interface KeptRevision {
  saved(): Promise<void>;
  refused(): Promise<void>;
}

const NOTHING_KEPT: KeptRevision = { saved: async () => undefined, refused: async () => undefined };

/**
 * Revisions of one draft: `revisions/<ms>-<random>.json`, a one-line header (time, title, words) and
 * the whole draft on the second line, so the list reads only the first bytes of each file.
 */
export class DraftRevisions {
  /** The newest revision time per draft, so a save decides without touching the disk. */
  private readonly latest = new Map<string, number>();

  constructor(private readonly paths: DraftPaths) {}

  /**
   * Keeps `draft` as a revision unless one was kept less than a minute ago (or `force`), for the
   * write of that version that follows: `saved` once it is on disk (old revisions past the limit
   * go then), `refused` when it was refused, which takes the revision back, so a full disk never
   * leaves a revision of a version that was not saved.
   */
  async maybeKeep(draft: Draft, now: Date, force = false): Promise<KeptRevision> {
    const latest = await this.latestTime(draft.id);
    if (!force && latest !== null && now.getTime() - latest < REVISION_INTERVAL_MS) return NOTHING_KEPT;
    const folder = this.paths.revisions(draft.id);
    const name = `${now.getTime().toString().padStart(13, '0')}-${randomBytes(4).toString('hex')}.json`;
    const header = { savedAt: now.toISOString(), title: draft.title, wordCount: draft.wordCount };
    await writeFileAtomic(join(folder, name), `${JSON.stringify(header)}\n${serializeDraft(draft)}`);
    return {
      saved: async () => {
        this.latest.set(draft.id, Math.max(latest ?? 0, now.getTime()));
        const names = await this.names(draft.id);
        for (const old of names.slice(MAX_REVISIONS)) await rm(join(folder, old), { force: true });
      },
      refused: () => rm(join(folder, name), { force: true }),
    };
  }

  /** Newest first. */
  async list(id: string): Promise<DraftRevision[]> {
    const revisions: DraftRevision[] = [];
    for (const name of await this.names(id)) {
      const header = await readHeader(join(this.paths.revisions(id), name));
      if (header) revisions.push({ id: name.slice(0, -'.json'.length), ...header });
    }
    return revisions;
  }

  /** The draft as it was in a revision; null when there is no such revision or it cannot be read. */
  async read(id: string, revisionId: string): Promise<Draft | null> {
    if (!REVISION_NAME.test(`${revisionId}.json`)) return null;
    try {
      const text = await readFile(join(this.paths.revisions(id), `${revisionId}.json`), 'utf8');
      return parseDraftFile(text.slice(text.indexOf('\n') + 1), id);
    } catch {
      return null;
    }
  }

  forget(id: string): void {
    this.latest.delete(id);
  }

  private async latestTime(id: string): Promise<number | null> {
    const known = this.latest.get(id);
    if (known !== undefined) return known;
    const newest = (await this.names(id))[0];
    const time = newest ? Number(REVISION_NAME.exec(newest)![1]) : null;
    if (time !== null) this.latest.set(id, time);
    return time;
  }

  /** Revision file names, newest first; leftovers of an interrupted write are removed on the way. */
  private async names(id: string): Promise<string[]> {
    const folder = this.paths.revisions(id);
    let all: string[];
    try {
      all = await readdir(folder);
    } catch {
      return [];
    }
    for (const name of all) if (name.endsWith('.tmp')) await rm(join(folder, name), { force: true });
    return all.filter((name) => REVISION_NAME.test(name)).sort((a, b) => (a < b ? 1 : -1));
  }
}

async function readHeader(file: string): Promise<Omit<DraftRevision, 'id'> | null> {
  const handle = await open(file, 'r').catch(() => null);
  if (!handle) return null;
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
    const text = buffer.subarray(0, bytesRead).toString('utf8');
    const header = JSON.parse(text.slice(0, text.indexOf('\n'))) as Record<string, unknown>;
    if (typeof header.savedAt !== 'string' || typeof header.wordCount !== 'number') return null;
    return { savedAt: header.savedAt, title: String(header.title ?? ''), wordCount: header.wordCount };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}
