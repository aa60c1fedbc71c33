import { join } from 'node:path';
import * as z from 'zod';
import { dayString } from '../../../shared/model/bookmark';
import {
  digestScheduleSchema,
  type CadenceProgress,
  type DigestNotice,
  type DigestSchedule,
} from '../../../shared/model/digest-schedule';
import { writeFileAtomic } from '../fs/atomic-write';
import { readStoreFileLocked, tryReadStoreFile, type SetAsideDeps } from '../fs/store-file';
import { storeLockPath, withStoreLock } from '../fs/store-lock';

export const CADENCE_LOCK = 'cadence';
export const CADENCE_FILE = 'digest-cadence.json';
const FORMAT_VERSION = 1;
/** Notices beyond these are the oldest, long since seen; drafted periods beyond these, long past. */
const MOST_NOTICES = 50;
const MOST_DRAFTED = 50;

const range = { from: dayString, to: dayString };
const progressSchema = z.object({
  doneThrough: dayString.nullable().default(null),
  carriedFrom: dayString.nullable().default(null),
  claim: z
    .object({ ...range, at: z.string() })
    .nullable()
    .default(null),
  drafted: z.array(z.object({ ...range, draftId: z.string().min(1), at: z.string() })).default([]),
});
const noticeSchema = z.object({
  id: z.string().min(1),
  blogId: z.string().min(1),
  kind: z.enum(['drafted', 'due']),
  ...range,
  count: z.number().int().min(0),
  leftOut: z.number().int().min(0).default(0),
  draftId: z.string().nullable(),
  title: z.string(),
  at: z.string(),
});
const fileSchema = z.object({
  version: z.literal(FORMAT_VERSION),
  schedules: z.array(digestScheduleSchema).max(100),
  progress: z.record(z.string(), progressSchema),
  notices: z.array(noticeSchema),
});

export interface CadenceFile {
  schedules: DigestSchedule[];
  progress: Record<string, CadenceProgress>;
  notices: DigestNotice[];
}

export const emptyProgress = (): CadenceProgress => ({
  doneThrough: null,
  carriedFrom: null,
  claim: null,
  drafted: [],
});

const emptyFile = (): CadenceFile => ({ schedules: [], progress: {}, notices: [] });

/**
 * `digest-cadence.json`: the blogs' digest schedules, how far each has been carried out, and the
 * notices not yet dismissed. Every change is a read-modify-write under the `cadence` lock, shared
 * by every process on the data folder, and the file is replaced crash-safely. A file that cannot
 * be read, even again under the lock, is moved to `quarantine/` (never deleted) and reported; the
 * schedules start empty, so nothing is drafted from a guess.
 */
export class CadenceStore {
  private readonly file: string;
  private readonly lockPath: string;

  constructor(private readonly deps: SetAsideDeps) {
    this.file = join(deps.dataDir, CADENCE_FILE);
    this.lockPath = storeLockPath(deps.dataDir, CADENCE_LOCK);
  }

  /** The file as it is now; reads take no lock (the file is replaced whole). */
  async read(): Promise<CadenceFile> {
    return (await this.tryRead()) ?? (await withStoreLock(this.lockPath, () => this.readLocked()));
  }

  /**
   * Runs `work` under the lock on the file as it is now; `save` replaces the file (and may be
   * called more than once, to record a step before the next one starts).
   */
  transaction<T>(work: (file: CadenceFile, save: (next: CadenceFile) => Promise<void>) => Promise<T>) {
    return withStoreLock(this.lockPath, async () => work(await this.readLocked(), (next) => this.save(next)));
  }

  /** A change made under the lock and saved. */
  change<T>(edit: (file: CadenceFile) => T): Promise<{ file: CadenceFile; result: T }> {
    return this.transaction(async (file, save) => {
      const result = edit(file);
      await save(file);
      return { file, result };
    });
  }

  private async save(next: CadenceFile): Promise<void> {
    const body = {
      version: FORMAT_VERSION,
      schedules: next.schedules,
      progress: Object.fromEntries(
        Object.entries(next.progress).map(([blogId, progress]) => [
          blogId,
          { ...progress, drafted: progress.drafted.slice(-MOST_DRAFTED) },
        ]),
      ),
      notices: next.notices.slice(-MOST_NOTICES),
    };
    await writeFileAtomic(this.file, `${JSON.stringify(body, null, 1)}\n`);
  }

  /** The file's content; an empty one when there is no file; null when it cannot be read. */
  private tryRead(): Promise<CadenceFile | null> {
    return tryReadStoreFile(this.file, fileSchema, emptyFile);
  }

  /** Under the lock: the file, or, when it is still unreadable, nothing, the file set aside. */
  private readLocked(): Promise<CadenceFile> {
    return readStoreFileLocked(this.file, fileSchema, emptyFile, this.deps);
  }
}
