/** The longest wait a server's Retry-After is honoured for: a hostile server cannot park the outbox longer. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * Retry-After as HTTP allows it (RFC 9110 §10.2.3): delay-seconds or an HTTP date, as the
 * milliseconds to wait from `now`, capped at MAX_RETRY_AFTER_MS; undefined when absent or unreadable.
 * The one parser for every protocol, so XML-RPC and Micropub wait alike.
 */
export function parseRetryAfter(header: unknown, now: number): number | undefined {
  const text = Array.isArray(header) ? header[0] : header;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const trimmed = text.trim();
  // An HTTP date names its day and month ("Sun, 01 Mar 2026 09:02:00 GMT"); "-5" is neither form.
  const ms = /^\d+$/.test(trimmed)
    ? Number(trimmed) * 1000
    : /[a-z]/i.test(trimmed)
      ? Date.parse(trimmed) - now
      : Number.NaN;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS) : undefined;
}
