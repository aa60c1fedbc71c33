import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CoreFailure } from '../../../shared/contract';
import type { CalendarEvent } from '../../../shared/model/calendar-event';
import { writeFileAtomic } from '../fs/atomic-write';
import type { Clock } from '../platform/clock';
import type { Logger } from '../platform/logger';
import { quarantine } from '../drafts/quarantine';

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
 * The calendar's one file, `calendar/events.json`, read once and replaced crash-safely on every
 * change. Changes run one after another so two quick edits never overwrite each other. A file
 * that cannot be read is moved to `quarantine/` (never deleted) and the calendar starts empty.
 */
export class EventStore {
  private events: Map<string, StoredEvent> | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly folder: string;
  private readonly file: string;

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

  /** Runs `change` on the events and saves the result, one change at a time. */
  mutate<T>(change: (events: Map<string, StoredEvent>) => T): Promise<T> {
    const run = this.queue.then(async () => {
      const events = await this.load();
      const result = change(events);
      this.purgeOldDeleted(events);
      await this.save(events);
      return result;
    });
    this.queue = run.catch(() => undefined);
    return run;
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

  private async load(): Promise<Map<string, StoredEvent>> {
    if (this.events) return this.events;
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      this.events = new Map();
      return this.events;
    }
    const parsed = safeJson(text);
    const checked = fileSchema.safeParse(parsed);
    if (checked.success) {
      this.events = new Map(checked.data.events.map((event) => [event.id, event]));
    } else {
      const moved = await quarantine(join(this.deps.dataDir, 'quarantine'), this.file, this.deps.clock.now());
      this.deps.logger.warn('the calendar file could not be read and was moved aside', { moved });
      this.deps.onQuarantine?.(moved);
      this.events = new Map();
    }
    return this.events;
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
