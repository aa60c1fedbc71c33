import * as z from 'zod';

/** A call as the core accepts it from any transport (see envelope.ts for the other messages). */
export const requestSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  args: z.unknown(),
});
