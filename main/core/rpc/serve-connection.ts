import type { Transport } from '../../../shared/contract';
import type { Core } from '../create-core';
import type { Logger } from '../platform/logger';
import { createRouter } from './router';

/** Requests one client may have running at once; more wait in a queue of bounded length. */
export const CONCURRENT_REQUESTS = 8;
export const QUEUED_REQUESTS = 256;

/**
 * Serves the core over one client connection: requests are routed, replies sent back, and every
 * push event forwarded. A client gets a few requests handled at a time, so one page cannot make
 * the host do unbounded work at once. Returns the cleanup, which also aborts calls still running.
 */
export function serveConnection(core: Core, transport: Transport, logger: Logger): () => void {
  const router = createRouter(core.handlers, logger);
  const gone = new AbortController();
  const queue: unknown[] = [];
  let running = 0;

  const run = (message: unknown) => {
    running += 1;
    router
      .handle(message, { signal: gone.signal })
      .then((reply) => {
        if (!gone.signal.aborted) transport.send(reply);
      })
      .catch((error: unknown) => logger.error('could not send a reply', { message: String(error) }))
      .finally(() => {
        running -= 1;
        const next = queue.shift();
        if (next !== undefined && !gone.signal.aborted) run(next);
      });
  };

  const stopMessages = transport.onMessage((message) => {
    if (running < CONCURRENT_REQUESTS) return run(message);
    if (queue.length < QUEUED_REQUESTS) return void queue.push(message);
    const id = (message as { id?: unknown } | null)?.id;
    logger.warn('refused a request: too many at once');
    transport.send({
      id: typeof id === 'number' ? id : null,
      ok: false,
      error: { code: 'bad-message', message: 'Too many requests at once; try again in a moment.' },
    });
  });
  const stopEvents = core.events.onAny((event, payload) => transport.send({ event, payload }));
  return () => {
    gone.abort();
    queue.length = 0;
    stopMessages();
    stopEvents();
  };
}
