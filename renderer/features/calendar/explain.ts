import { isCoreFailure } from '../../../shared/contract/errors';

/**
 * The sentence to show for a failed call. For wrong arguments the core's message only names the
 * method; the field checks carry the sentences that say what to change ("Use a time zone name…").
 */
export function explain(error: unknown): string {
  if (isCoreFailure(error) && error.code === 'invalid-args' && Array.isArray(error.detail)) {
    const messages = (error.detail as { message?: unknown }[])
      .map((issue) => issue.message)
      .filter((message): message is string => typeof message === 'string' && !message.startsWith('Invalid'));
    if (messages.length > 0) return [...new Set(messages)].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}
