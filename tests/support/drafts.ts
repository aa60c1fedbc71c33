import type { CoreEvents, EventName } from '../../shared/contract';
import { DraftLibrary } from '../../main/core/drafts/draft-library';
import { EventBus } from '../../main/core/events/event-bus';
import { silentLogger } from '../../main/core/platform/logger';

/** A clock tests move by hand: revisions a minute apart, newest-edit-first ordering. */
export class ManualClock {
  constructor(private time = Date.parse('2026-11-20T10:00:00Z')) {}
  now = () => new Date(this.time);
  advance(ms: number): void {
    this.time += ms;
  }
}

/**
 * A real drafts library over a real folder, recording the events it emits; `listBeforeCheck: false`
 * opens it as the CLI does.
 */
export function openLibrary(
  dataDir: string,
  clock = new ManualClock(),
  options: { listBeforeCheck?: boolean; indexFlushDelayMs?: number } = {},
) {
  const events = new EventBus();
  const seen: { event: EventName; payload: CoreEvents[EventName] }[] = [];
  events.onAny((event, payload) => seen.push({ event, payload }));
  const library = new DraftLibrary({ dataDir, clock, logger: silentLogger, events, ...options });
  return { library, clock, events: seen };
}
