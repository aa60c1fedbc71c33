import { CoreFailure, type ErrorCode } from '../../../shared/contract/errors';

/**
 * How the outbox should treat a failure, whatever the protocol:
 * offline: nothing was sent and the blog cannot be reached; wait for the network, keep trying.
 * transient: try again with backoff (5xx, a lost answer, a timeout), up to a cap.
 * permanent: the author must act (wrong password, XML-RPC off, a broken answer); the reason says how.
 */
export type RetryClass = 'offline' | 'transient' | 'permanent';

export class PublishError extends CoreFailure {
  constructor(
    code: ErrorCode,
    message: string,
    readonly retry: RetryClass,
    /** The request may have reached the blog: check it before sending again. */
    readonly sent: boolean,
    readonly retryAfterMs?: number,
    /** The remote post no longer exists (an update or delete found it gone). */
    readonly postGone = false,
  ) {
    super(code, message);
    this.name = 'PublishError';
  }
}

/** Anything else thrown while publishing: an unexpected problem, reported but never retried blindly. */
export function asPublishError(error: unknown): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof CoreFailure) return new PublishError(error.code, error.message, 'permanent', false);
  const text = error instanceof Error ? error.message : String(error);
  return new PublishError('internal', `Publishing hit an unexpected problem: ${text}`, 'permanent', true);
}
