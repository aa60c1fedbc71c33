import type { Transport } from '../../../shared/contract';
import type { Core } from '../create-core';
import type { Logger } from '../platform/logger';
import { createRouter } from './router';

/**
 * Serves the core over one client connection: requests are routed, replies sent back, and every
 * push event forwarded. Returns the cleanup, which also aborts calls still running for this client.
 */
export function serveConnection(core: Core, transport: Transport, logger: Logger): () => void {
  const router = createRouter(core.handlers, logger);
  const gone = new AbortController();
  const stopMessages = transport.onMessage((message) => {
    router
      .handle(message, { signal: gone.signal })
      .then((reply) => {
        if (!gone.signal.aborted) transport.send(reply);
      })
      .catch((error: unknown) => logger.error('could not send a reply', { message: String(error) }));
  });
  const stopEvents = core.events.onAny((event, payload) => transport.send({ event, payload }));
  return () => {
    gone.abort();
    stopMessages();
    stopEvents();
  };
}
