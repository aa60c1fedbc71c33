import type { CoreEvents, EventName } from '../../../shared/contract';

export type EventListener = <E extends EventName>(event: E, payload: CoreEvents[E]) => void;

/** The core's push events. Every subscription returns its cleanup. */
export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: CoreEvents[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  /** Listens to every event: transports forward them all to their client. */
  onAny(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
