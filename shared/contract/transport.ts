import type { WireMessage } from './envelope';

/** A transport only frames messages; routing, validation and errors live elsewhere, written once. */
export interface Transport {
  send(message: WireMessage): void;
  /** Returns the cleanup that removes the listener. */
  onMessage(listener: (message: unknown) => void): () => void;
}

/**
 * The largest message a WebSocket carries (the browser host refuses bigger ones unread). Images go
 * over HTTP instead, streamed; this leaves room for any draft and most imports.
 */
export const MAX_SOCKET_MESSAGE_BYTES = 16 * 1024 * 1024;

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** A client-side transport that can lose its connection (the WebSocket) reports it. */
export interface ConnectionAware {
  readonly state: ConnectionState;
  onStateChange(listener: (state: ConnectionState) => void): () => void;
}

/** What the Electron preload exposes on `window.postwright`, and nothing more. */
export interface PostwrightBridge {
  invoke(request: unknown): Promise<unknown>;
  onEvent(listener: (push: unknown) => void): () => void;
}
