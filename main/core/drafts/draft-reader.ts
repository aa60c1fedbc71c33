import { statSync, type BigIntStats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { CoreFailure } from '../../../shared/contract/errors';
import type { Draft } from '../../../shared/model/draft';
import type { EventBus } from '../events/event-bus';
import { syncFolder } from '../fs/atomic-write';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { DraftFileError, parseDraftFile } from './draft-file';
import { isDraftId, type DraftPaths } from './draft-paths';
import type { IndexStore } from './index-store';
import { quarantine } from '../fs/quarantine';

/** What a save keeps from the file on disk rather than from the editor: publish state, trash, dates. */
export type DraftHead = Pick<
  Draft,
  'createdAt' | 'updatedAt' | 'status' | 'statusMessage' | 'remote' | 'trashedAt'
>;

/** Reads draft files; one that cannot be parsed is moved to quarantine, reported, and treated as gone. */
export class DraftReader {
  /** Each draft's head as this process last wrote or read it, with the version of the file it is in. */
  private readonly heads = new Map<string, { version: string; head: DraftHead }>();

  constructor(
    private readonly paths: DraftPaths,
    private readonly index: IndexStore,
    private readonly deps: { clock: Clock; logger: Logger; events: EventBus },
  ) {}

  /**
   * Which version of draft.json the index entry was made from: its modification time (ns). A
   * crash-safe save replaces the file; any other change to it (another program, a bad sync)
   * changes the time too, so the start-up check re-reads it.
   */
  async stampOf(id: string): Promise<string> {
    return fileStamp(this.paths.file(id));
  }

  async folderExists(id: string): Promise<boolean> {
    return stat(this.paths.folder(id)).then(
      () => true,
      () => false,
    );
  }

  /**
   * Reads a draft file as it is now (another process may have made it after this one's index);
   * an unreadable one is quarantined and reported as missing.
   */
  async read(id: string): Promise<Draft> {
    if (!isDraftId(id)) throw notFound(id);
    let text: string;
    try {
      text = await readFile(this.paths.file(id), 'utf8');
    } catch {
      throw notFound(id);
    }
    try {
      return parseDraftFile(text, id);
    } catch (error) {
      if (!(error instanceof DraftFileError) || error.kind === 'newer')
        throw new CoreFailure('conflict', String((error as Error).message));
      const target = await this.quarantineDraft(id, error.message);
      throw new CoreFailure(
        'not-found',
        `Draft ${id} could not be read, so it was moved to ${target}. The rest of your drafts are fine.`,
      );
    }
  }

  /**
   * A draft's head as its file has it now, for a save: read from the file only when the file is
   * not the version this process last wrote or read (an autosave of a 500 KB draft spent a third of
   * its time reading back and parsing the file it had written itself a moment before).
   */
  async readHead(id: string): Promise<DraftHead> {
    const version = isDraftId(id) ? fileVersion(this.paths.file(id)) : null;
    const known = this.heads.get(id);
    if (version !== null && known?.version === version) return known.head;
    // A change between the version's stat and this read leaves a version no later stat matches.
    const draft = await this.read(id);
    if (version !== null) this.remember(id, version, draft);
    return draft;
  }

  /** The version of a draft's file this process has just written, and the head it holds. */
  remember(id: string, version: string, draft: DraftHead): void {
    const { createdAt, updatedAt, status, statusMessage, remote, trashedAt } = draft;
    this.heads.set(id, { version, head: { createdAt, updatedAt, status, statusMessage, remote, trashedAt } });
  }

  async readOrNull(id: string): Promise<Draft | null> {
    return this.read(id).catch(() => null);
  }

  /** For the start-up check: the draft and its stamp, or null after quarantining a broken one. */
  async readForIndex(id: string): Promise<{ draft: Draft; stamp: string } | null> {
    let stamp: string;
    let text: string;
    try {
      stamp = await this.stampOf(id);
      text = await readFile(this.paths.file(id), 'utf8');
    } catch {
      // Erased by another process a moment ago, or a folder that holds no draft.
      if (!(await this.folderExists(id))) return null;
      await this.quarantineDraft(id, 'the folder has no draft.json');
      return null;
    }
    try {
      return { draft: parseDraftFile(text, id), stamp };
    } catch (error) {
      if (error instanceof DraftFileError && error.kind === 'newer') {
        this.deps.logger.warn('skipped a draft from a newer Postwright', { id });
        return null;
      }
      await this.quarantineDraft(id, (error as Error).message);
      return null;
    }
  }

  async quarantineDraft(id: string, reason: string): Promise<string> {
    const target = await quarantine(this.paths.quarantine, this.paths.folder(id), this.deps.clock.now());
    await syncFolder(this.paths.root);
    await this.index.remove(id);
    this.deps.logger.error('moved an unreadable draft to quarantine', { id, reason, target });
    this.deps.events.emit('drafts-quarantined', { files: [target], folder: this.paths.quarantine });
    this.deps.events.emit('drafts-removed', { ids: [id] });
    return target;
  }
}

/** A draft file's stamp (see stampOf); a rename keeps it, so a new version's is known before it replaces the old. */
export async function fileStamp(path: string): Promise<string> {
  return (await stat(path, { bigint: true })).mtimeNs.toString();
}

/**
 * Which file a draft.json is, finer than its stamp: two writes within one tick of the file
 * system's clock share a modification time, but every crash-safe save renames a new file (a new
 * inode) into place, and a rename keeps all three of these.
 */
export function versionOf(stats: BigIntStats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeNs}`;
}

/**
 * Taken at once, not through the thread pool: every autosave asks it first, and a stat of a file
 * just written is answered from memory. Null when it cannot be read (the read after it says why).
 */
function fileVersion(path: string): string | null {
  try {
    const stats = statSync(path, { bigint: true, throwIfNoEntry: false });
    return stats ? versionOf(stats) : null;
  } catch {
    return null;
  }
}

export function notFound(id: string): CoreFailure {
  return new CoreFailure('not-found', `No draft with id ${id}.`, { id });
}
