import { randomUUID } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { CoreFailure } from '../../../shared/contract';
import type { CalendarEvent } from '../../../shared/model/calendar-event';
import { writeFileAtomic } from '../fs/atomic-write';
import { removeLeftovers } from '../fs/leftovers';
import { storeLockPath, withStoreLock } from '../fs/store-lock';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { quarantine } from '../fs/quarantine';

export const CALENDAR_LOCK = 'calendar';

/** An event as stored: deleted ones stay for a while so a delete can be undone. */
export type StoredEvent = CalendarEvent & { deletedAt: string | null };

const FORMAT_VERSION = 1;
const KEEP_DELETED_MS = 30 * 24 * 60 * 60 * 1000;

const storedEventSchema = z.object({
  id: z.string().min(1),
  uid: z.string().min(1),
  title: z.string(),
  start: z.string(),
  end: z.string().nullable(),
  allDay: z.boolean(),
  timeZone: z.string(),
  location: z.string().default(''),
  url: z.string().default(''),
  description: z.string().default(''),
  rrule: z.string().nullable().default(null),
  exdates: z.array(z.string()).default([]),
  mentions: z.array(z.string()).default([]),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable().default(null),
});
const fileSchema = z.object({ version: z.literal(FORMAT_VERSION), events: z.array(storedEventSchema) });

/**
 * The calendar's one file, `calendar/events.json`, replaced crash-safely on every change. A change
 * is a read-modify-write under the calendar's lock, shared with other processes (the CLI beside
 * the app): it starts from the file as it is now, so an event another process added is kept, and
 * memory takes the result only once it is on disk. Reads answer from memory while the file's
 * stamp is unchanged. A file that cannot be read, even again under the lock, is moved to
 * `quarantine/` (never deleted) and the calendar starts empty.
 */
export class EventStore {
  private cache: { stamp: string; events: Map<string, StoredEvent> } | null = null;
  private readonly folder: string;
  private readonly file: string;
  private readonly lockPath: string;
  private leftoversChecked = false;

  constructor(
    private readonly deps: {
      dataDir: string;
      clock: Clock;
      logger: Logger;
      onQuarantine?: (file: string) => void;
    },
  ) {
    this.folder = join(deps.dataDir, 'calendar');
    this.file = join(this.folder, 'events.json');
    this.lockPath = storeLockPath(deps.dataDir, CALENDAR_LOCK);
  }

  /** Every live event (not deleted). */
  async all(): Promise<CalendarEvent[]> {
    const events = await this.load();
    return [...events.values()].filter((event) => !event.deletedAt).map(withoutDeletedAt);
  }

  async get(id: string): Promise<CalendarEvent> {
    const event = (await this.load()).get(id);
    if (!event || event.deletedAt) throw notFound();
    return withoutDeletedAt(event);
  }

  async findByUid(uid: string): Promise<StoredEvent | null> {
    for (const event of (await this.load()).values()) if (event.uid === uid) return event;
    return null;
  }

  newId(): string {
    return randomUUID();
  }

  /** Runs `change` on the events as they are on disk now and saves the result, under the lock. */
  mutate<T>(change: (events: Map<string, StoredEvent>) => T): Promise<T> {
    return withStoreLock(this.lockPath, async () => {
      const events = new Map(await this.readLocked());
      const result = change(events);
      this.purgeOldDeleted(events);
      await this.save(events);
      this.cache = { stamp: await this.stampOf(), events };
      return result;
    });
  }

  private purgeOldDeleted(events: Map<string, StoredEvent>): void {
    const cutoff = this.deps.clock.now().getTime() - KEEP_DELETED_MS;
    for (const [id, event] of events)
      if (event.deletedAt && Date.parse(event.deletedAt) < cutoff) events.delete(id);
  }

  private async save(events: Map<string, StoredEvent>): Promise<void> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const body = { version: FORMAT_VERSION, events: [...events.values()] };
    await writeFileAtomic(this.file, `${JSON.stringify(body, null, 1)}\n`);
  }

  private async stampOf(): Promise<string> {
    const info = await stat(this.file, { bigint: true }).catch(() => null);
    return info ? `${info.ino}:${info.mtimeNs}:${info.size}` : 'missing';
  }

  /** The events as on disk, from memory while the file is unchanged. */
  private async load(): Promise<Map<string, StoredEvent>> {
    if (!this.leftoversChecked) {
      this.leftoversChecked = true;
      await removeLeftovers(this.folder, this.deps.clock.now());
    }
    const stamp = await this.stampOf();
    if (this.cache?.stamp === stamp) return this.cache.events;
    const read = await this.read();
    // Unreadable outside the lock: look again under it before setting the file aside.
    const events = read ?? (await withStoreLock(this.lockPath, () => this.readLocked()));
    this.cache = { stamp, events };
    return events;
  }

  /** The file's events; null when it cannot be read. */
  private async read(): Promise<Map<string, StoredEvent> | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return new Map();
    }
    const checked = fileSchema.safeParse(safeJson(text));
    return checked.success ? new Map(checked.data.events.map((event) => [event.id, event])) : null;
  }

  /** Under the lock: the file's events, a file still unreadable moved aside. */
  private async readLocked(): Promise<Map<string, StoredEvent>> {
    const events = await this.read();
    if (events) return events;
    const moved = await quarantine(join(this.deps.dataDir, 'quarantine'), this.file, this.deps.clock.now());
    this.deps.logger.warn('the calendar file could not be read and was moved aside', { moved });
    this.deps.onQuarantine?.(moved);
    return new Map();
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function withoutDeletedAt(event: StoredEvent): CalendarEvent {
  const { deletedAt: _deletedAt, ...rest } = event;
  return rest;
}

export function notFound(): CoreFailure {
  return new CoreFailure(
    'not-found',
    'That event is no longer in the calendar. Reload the calendar and try again.',
  );
}
