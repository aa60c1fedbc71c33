import type { CoreError } from './errors';

/** One envelope for every transport (Electron IPC, WebSocket, in-memory). */
export interface Request {
  id: number;
  method: string;
  args: unknown;
}

export type Reply =
  { id: number | null; ok: true; value: unknown } | { id: number | null; ok: false; error: CoreError };

export interface Push {
  event: string;
  payload: unknown;
}

export type WireMessage = Request | Reply | Push;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The message as a reply, or null when it is not one. A plain check rather than a schema: every
 * window runs it on every message, and the schema library would be the largest part of its start.
 */
export function asReply(message: unknown): Reply | null {
  if (!isRecord(message)) return null;
  const { id, ok } = message;
  if (id !== null && (typeof id !== 'number' || Number.isNaN(id))) return null;
  if (ok === true) return { id, ok, value: message.value };
  const error = message.error;
  if (ok !== false || !isRecord(error) || typeof error.code !== 'string' || typeof error.message !== 'string')
    return null;
  const { code, message: text, detail } = error;
  return {
    id,
    ok,
    error: { code: code as CoreError['code'], message: text, ...(detail === undefined ? {} : { detail }) },
  };
}

/** The message as a push event, or null when it is not one. */
export function asPush(message: unknown): Push | null {
  return isRecord(message) && typeof message.event === 'string'
    ? { event: message.event, payload: message.payload }
    : null;
}
