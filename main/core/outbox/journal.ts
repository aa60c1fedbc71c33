import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { OutboxJob } from '../../../shared/model/publish';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Logger } from '../platform/logger';

/**
 * The outbox on disk: one crash-safe file per job (`<dataDir>/outbox/<id>.json`), so a job is
 * journaled before anything is sent and two processes (the app and the CLI) never overwrite each
 * other's jobs. A job being sent is claimed with an exclusive lock file holding the process id;
 * the lock of a process that died (kill -9, power cut) is stale and taken over.
 */
export class OutboxJournal {
  readonly folder: string;

  constructor(
    dataDir: string,
    private readonly logger: Logger,
  ) {
    this.folder = join(dataDir, 'outbox');
  }

  private file(id: string): string {
    return join(this.folder, `${id}.json`);
  }

  private lockFile(id: string): string {
    return join(this.folder, `${id}.lock`);
  }

  async save(job: OutboxJob): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    await writeFileAtomic(this.file(job.id), `${JSON.stringify(job, null, 2)}\n`);
  }

  async get(id: string): Promise<OutboxJob | null> {
    try {
      return JSON.parse(await readFile(this.file(id), 'utf8')) as OutboxJob;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      await this.quarantine(id);
      return null;
    }
  }

  async list(): Promise<OutboxJob[]> {
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
      try {
        const handle = await open(this.lockFile(id), 'wx', 0o600);
        await handle.writeFile(`${process.pid} ${hostname()}\n`);
        await handle.close();
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (await this.lockIsLive(id)) return false;
        await rm(this.lockFile(id), { force: true });
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

  private async quarantine(id: string): Promise<void> {
    const aside = join(this.folder, `${id}.json.unreadable-${Date.now()}`);
    await rename(this.file(id), aside).catch(() => undefined);
    this.logger.error('an outbox job file could not be read; it was moved aside', { aside });
  }
}
