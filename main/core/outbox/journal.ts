import { randomUUID } from 'node:crypto';
import { link, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { OutboxJob } from '../../../shared/model/publish';
import { writeFileAtomic } from '../fs/atomic-write';
import { removeLeftovers } from '../fs/leftovers';
import { storeLockPath, withStoreLock } from '../fs/store-lock';
import type { Logger } from '../platform/logger';

const UNREADABLE = Symbol('unreadable');

/**
 * The outbox on disk: one crash-safe file per job (`<dataDir>/outbox/<id>.json`), so a job is
 * journaled before anything is sent. Every change of a job is a read-modify-write under that job's
 * lock, shared with other processes (the app, a second `outbox retry`): it starts from the file as
 * it is now, so no process overwrites another's attempt. A job being sent is also claimed with an
 * exclusive `<id>.lock` file holding the process id; the claim of a process that died (kill -9,
 * power cut) is stale and taken over. A job file that cannot be parsed, read again under its lock,
 * is moved aside.
 */
export class OutboxJournal {
  readonly folder: string;
  private leftoversChecked = false;

  constructor(
    private readonly dataDir: string,
    private readonly logger: Logger,
    private readonly onQuarantine: (file: string) => void = () => undefined,
  ) {
    this.folder = join(dataDir, 'outbox');
  }

  private writeLock(id: string): string {
    return storeLockPath(this.dataDir, `outbox-${id}`);
  }

  private file(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  private lockFile(id: string): string {
    return join(this.folder, `${id}.lock`);
  }

  /** Writes a new job (never one that exists). */
  async create(job: OutboxJob): Promise<OutboxJob> {
    const created = await this.change(job.id, (latest) => latest ?? job);
    return created!;
  }

  /**
   * Changes a job under its lock: `edit` gets the job as it is on disk now (null if it is gone)
   * and returns it changed, or the same object to leave the file alone.
   */
  change(id: string, edit: (latest: OutboxJob | null) => OutboxJob | null): Promise<OutboxJob | null> {
    return withStoreLock(this.writeLock(id), async () => {
      const read = await this.read(id);
      const latest = read === UNREADABLE ? await this.quarantine(id) : read;
      const next = edit(latest);
      if (next === latest || next === null) return latest;
      await mkdir(this.folder, { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.file(id), `${JSON.stringify(next, null, 2)}\n`);
      return next;
    });
  }

  async get(id: string): Promise<OutboxJob | null> {
    const read = await this.read(id);
    if (read !== UNREADABLE) return read;
    // Read again after any writer is done; only a file still unparsable is set aside.
    return withStoreLock(this.writeLock(id), async () => {
      const again = await this.read(id);
      return again === UNREADABLE ? this.quarantine(id) : again;
    });
  }

  private async read(id: string): Promise<OutboxJob | null | typeof UNREADABLE> {
    let text: string;
    try {
      text = await readFile(this.file(id), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      const job = JSON.parse(text) as OutboxJob;
      return job && typeof job === 'object' && job.id === id ? job : UNREADABLE;
    } catch {
      return UNREADABLE;
    }
  }

  async list(): Promise<OutboxJob[]> {
    if (!this.leftoversChecked) {
      this.leftoversChecked = true;
      await removeLeftovers(this.folder, new Date());
    }
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const jobs: OutboxJob[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const job = await this.get(name.slice(0, -5));
      if (job) jobs.push(job);
    }
    return jobs.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async remove(id: string): Promise<void> {
    await rm(this.file(id), { force: true });
  }

  /** Takes the job's lock; false when a live process holds it. */
  async claim(id: string): Promise<boolean> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    for (let attempt = 0; attempt < 2; attempt++) {
      // The lock appears with its owner already written in it (a hard link of a finished file), so
      // another process never reads it empty and takes it for a dead one's.
      const written = join(this.folder, `.${id}.lock-${process.pid}-${randomUUID()}.tmp`);
      await writeFile(written, `${process.pid} ${hostname()}\n`, { mode: 0o600 });
      try {
        await link(written, this.lockFile(id));
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (await this.lockIsLive(id)) return false;
        await rm(this.lockFile(id), { force: true });
      } finally {
        await rm(written, { force: true });
      }
    }
    return false;
  }

  async release(id: string): Promise<void> {
    await rm(this.lockFile(id), { force: true });
  }

  /** Whether a live process other than this one holds the lock. */
  async lockIsLive(id: string): Promise<boolean> {
    let text: string;
    try {
      text = await readFile(this.lockFile(id), 'utf8');
    } catch {
      return false;
    }
    const [pidText, host] = text.trim().split(' ');
    const pid = Number(pidText);
    if (host && host !== hostname()) return true; // another machine sharing the folder: leave it be
    if (!Number.isInteger(pid) || pid <= 0) return false;
    if (pid === process.pid) return true;
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }

  private async quarantine(id: string): Promise<null> {
    const aside = join(this.folder, `${id}.json.unreadable-${Date.now()}`);
    await rename(this.file(id), aside);
    this.logger.error('an outbox job file could not be read; it was moved aside', { aside });
    this.onQuarantine(aside);
    return null;
  }
}
