import type { ConnectionAware, ConnectionState, Transport, WireMessage } from '../../shared/contract';
import { MAX_SOCKET_MESSAGE_BYTES } from '../../shared/contract/transport';

const MAX_QUEUED = 1000;

/**
 * The browser host's transport: one WebSocket, reopened with backoff when it drops. Messages sent
 * while it is down wait in a bounded queue; the state is reported so the app can show "reconnecting".
 */
export function createWebSocketTransport(url: string): Transport & ConnectionAware {
  const listeners = new Set<(message: unknown) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const queue: string[] = [];
  let socket: WebSocket;
  let state: ConnectionState = 'connecting';
  let retryDelay = 250;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    stateListeners.forEach((listener) => listener(next));
  };

  const open = () => {
    socket = new WebSocket(url);
    socket.addEventListener('open', () => {
      retryDelay = 250;
      setState('open');
      while (queue.length > 0 && socket.readyState === WebSocket.OPEN) socket.send(queue.shift()!);
    });
    socket.addEventListener('message', (event) => {
      let message: unknown;
      try {
        message = JSON.parse(String(event.data));
      } catch {
        return;
      }
      listeners.forEach((listener) => listener(message));
    });
    socket.addEventListener('close', () => {
      setState('reconnecting');
      setTimeout(open, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 5000);
    });
  };
  open();

  return {
    get state() {
      return state;
    },
    send(message: WireMessage) {
      const text = JSON.stringify(message);
      // The host refuses bigger messages unread (and drops the socket): say so here instead.
      const bytes = text.length > MAX_SOCKET_MESSAGE_BYTES / 3 ? new Blob([text]).size : 0;
      if (bytes > MAX_SOCKET_MESSAGE_BYTES) {
        throw new Error(
          `That is too large to send to Postwright at once (${Math.round(bytes / 1024 / 1024)} MB; at most ${MAX_SOCKET_MESSAGE_BYTES / 1024 / 1024} MB). For a big import, use the postwright command.`,
        );
      }
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else if (queue.length < MAX_QUEUED) queue.push(text);
      else throw new Error('Postwright is not connected.');
    },
    onMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
  };
}
