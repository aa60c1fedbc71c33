import type { ConnectionAware, PostwrightBridge, Transport } from '../../shared/contract';

/** Electron's transport: the preload bridge. Its connection cannot drop, so it is always open. */
export function createBridgeTransport(bridge: PostwrightBridge): Transport & ConnectionAware {
  const listeners = new Set<(message: unknown) => void>();
  bridge.onEvent((push) => listeners.forEach((listener) => listener(push)));
  return {
    state: 'open',
    send(message) {
      void bridge.invoke(message).then((reply) => listeners.forEach((listener) => listener(reply)));
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStateChange() {
      return () => undefined;
    },
  };
}
