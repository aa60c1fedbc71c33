/**
 * When a waiting publish is tried next, on the reader's own clock ("14:05:30"). The core keeps the
 * instant (`nextAttemptAt`), never a clock text: the core may run in another zone than the window.
 */
export function nextTryClock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The reason a job waits, with when it is tried next: "… Next try at 14:05:30." */
export function waitingReason(reason: string | null, nextAttemptAt: string | null): string | null {
  if (!nextAttemptAt) return reason;
  return `${reason ? `${reason} ` : ''}Next try at ${nextTryClock(nextAttemptAt)}.`;
}
