import * as z from 'zod';
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

export const requestSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  args: z.unknown(),
});

const errorSchema = z.object({ code: z.string(), message: z.string(), detail: z.unknown().optional() });

export const replySchema = z.union([
  z.object({ id: z.number().nullable(), ok: z.literal(true), value: z.unknown() }),
  z.object({ id: z.number().nullable(), ok: z.literal(false), error: errorSchema }),
]);

export const pushSchema = z.object({ event: z.string(), payload: z.unknown() });
