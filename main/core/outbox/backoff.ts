export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Attempts for transient failures before the job is marked failed (offline waits do not count). */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000, maxAttempts: 8 };

/**
 * Exponential backoff with jitter ("equal jitter": half fixed, half random, so retries from many
 * clients spread out but never come back at once), never sooner than the server's Retry-After.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs?: number,
  random = Math.random,
): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, policy.capMs * 12));
}
