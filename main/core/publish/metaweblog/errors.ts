import { CoreFailure } from '../../../../shared/contract/errors';
import type { Blog } from '../../../../shared/model/blog';
import { PublishError } from '../../outbox/publish-error';
import { XmlRpcError } from '../xmlrpc/errors';

/** Turns an XML-RPC failure into a sentence that says what to do, and tells the outbox how to retry. */
export function toPublishError(error: unknown, blog: Pick<Blog, 'name' | 'endpoint'>): PublishError {
  if (error instanceof PublishError) return error;
  if (error instanceof CoreFailure) return new PublishError(error.code, error.message, 'permanent', false);
  if (!(error instanceof XmlRpcError)) {
    const text = error instanceof Error ? error.message : String(error);
    return new PublishError(
      'internal',
      `Publishing to ${blog.name} hit an unexpected problem: ${text}`,
      'permanent',
      true,
    );
  }
  const { details } = error;
  if (error.kind === 'fault') {
    const said = details.faultString ? `"${details.faultString}"` : 'no reason';
    switch (details.faultCode) {
      case 403:
        return new PublishError(
          'auth-failed',
          `${blog.name} refused the user name or password (${said}). Check them under Blogs → Edit; on WordPress an application password also works.`,
          'permanent',
          false,
        );
      case 405:
        return new PublishError(
          'remote-error',
          `XML-RPC is turned off on ${blog.name} (${said}). Turn it on in the blog's settings or security plugin, or publish over Micropub.`,
          'permanent',
          false,
        );
      case 401:
        return new PublishError(
          'auth-failed',
          `Your account on ${blog.name} is not allowed to do this (${said}). Ask the blog's administrator for the Author or Editor role.`,
          'permanent',
          false,
        );
      case 404:
        return new PublishError(
          'not-found',
          `The post is no longer on ${blog.name} (${said}): it was deleted there. Publish again to post it anew.`,
          'permanent',
          false,
          undefined,
          true,
        );
      default:
        return new PublishError(
          'remote-error',
          details.faultCode === null
            ? `${blog.name} answered with an error ${said} (its error code is not a number, so the answer is malformed). Check the blog, then retry.`
            : `${blog.name} refused: ${said} (fault ${details.faultCode}). Fix what it says, then retry.`,
          'permanent',
          false,
        );
    }
  }
  switch (error.kind) {
    case 'unreachable':
      return new PublishError('offline', error.message, 'offline', false);
    case 'refused':
      return new PublishError('remote-error', error.message, 'permanent', false);
    case 'timeout':
    case 'connection-lost':
      return new PublishError('remote-error', error.message, 'transient', true);
    case 'http': {
      const status = details.status ?? 0;
      if (status >= 500 || status === 429 || status === 408)
        return new PublishError(
          'remote-error',
          error.message,
          'transient',
          status >= 500,
          details.retryAfterMs,
        );
      return new PublishError('remote-error', error.message, 'permanent', false);
    }
    case 'cancelled':
      return new PublishError(
        'cancelled',
        'Publishing was cancelled. Retry it from the outbox when you are ready.',
        'permanent',
        true,
      );
    default:
      // Broken, oversized or redirected answers: the blog may have acted on the request, so a retry checks first.
      return new PublishError('remote-error', error.message, 'permanent', true);
  }
}
