import { MAX_RETRY_AFTER_MS } from '../../../shared/net/retry-after';

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
  /** Attempts for transient failures before the job is marked failed (offline waits do not count). */
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000, maxAttempts: 8 };

/**
 * Exponential backoff with jitter ("equal jitter": half fixed, half random, so retries from many
 * clients spread out but never come back at once), capped at `capMs`; never sooner than the
 * server's Retry-After (read by shared/net/retry-after, which caps it at an hour).
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  retryAfterMs?: number,
  random = Math.random,
): number {
  const exponential = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (random() * exponential) / 2;
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}
