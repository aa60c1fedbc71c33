import { CoreFailure } from '../../../../shared/contract/errors';
import { PublishError } from '../../outbox/publish-error';
import { MicropubFailure } from './micropub-errors';

/** A Micropub failure as the outbox classes it: wait for the network, retry with backoff, or ask the author. */
export function toPublishError(error: unknown): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof MicropubFailure) {
    const { retryable, ambiguous, retryAfterMs } = error.traits;
    const retry = !retryable ? 'permanent' : error.code === 'offline' && !ambiguous ? 'offline' : 'transient';
    return new PublishError(
      error.code,
      error.message,
      retry,
      ambiguous,
      retryAfterMs ?? undefined,
      error.code === 'not-found',
    );
  }
  if (error instanceof CoreFailure) return new PublishError(error.code, error.message, 'permanent', false);
  const text = error instanceof Error ? error.message : String(error);
  return new PublishError('internal', `Publishing hit an unexpected problem: ${text}`, 'permanent', true);
}
