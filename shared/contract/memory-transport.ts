import type { WireMessage } from './envelope';
import type { Transport } from './transport';

/**
 * Two connected in-memory transports, for contract tests. Messages are cloned and delivered
 * asynchronously, as a real transport would, so nothing can depend on shared references.
 */
export function createMemoryTransportPair(): [Transport, Transport] {
  const listeners: [Set<(m: unknown) => void>, Set<(m: unknown) => void>] = [new Set(), new Set()];
  const side = (own: 0 | 1): Transport => ({
    send(message: WireMessage) {
      const copy: unknown = structuredClone(message);
      queueMicrotask(() => listeners[own === 0 ? 1 : 0].forEach((listener) => listener(copy)));
    },
    onMessage(listener) {
      listeners[own].add(listener);
      return () => listeners[own].delete(listener);
    },
  });
  return [side(0), side(1)];
}
