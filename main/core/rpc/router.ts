import type {
  ArgsOf,
  CallContext,
  CoreError,
  Handlers,
  MethodName,
  Reply,
  ResultOf,
} from '../../../shared/contract';
import { requestSchema } from '../../../shared/contract/request-schema';
import { CoreFailure } from '../../../shared/contract/errors';
import { isMethodName, specOf } from '../../../shared/contract/method-specs';
import { storageFailure } from '../fs/storage-failure';
import { ARGS_PARSE_OPTIONS, explainInvalidArgs } from '../../../shared/contract/explain-args';
import type { Logger } from '../platform/logger';

export type Router = ReturnType<typeof createRouter>;

/**
 * The one place a request meets the core, for every transport: the envelope and the method's
 * arguments are validated before any handler runs, and whatever a handler throws becomes a
 * CoreError here, once. A bad message gets an error reply; it never crashes the host.
 */
export function createRouter(handlers: Handlers, logger: Logger) {
  async function dispatch(method: MethodName, args: unknown, context: CallContext): Promise<unknown> {
    const schema = (await specOf(method)).args;
    const parsed = schema.safeParse(args ?? {}, ARGS_PARSE_OPTIONS);
    if (!parsed.success) {
      const { message, fields } = explainInvalidArgs(schema, parsed.error.issues);
      throw new CoreFailure('invalid-args', message, { fields });
    }
    const handler = handlers[method] as (args: unknown, context: CallContext) => unknown;
    return await handler(parsed.data, context);
  }

  async function handle(message: unknown, context: CallContext): Promise<Reply> {
    const request = requestSchema.safeParse(message);
    if (!request.success) {
      const id = idOf(message);
      logger.warn('rejected a malformed request', { id });
      return {
        id,
        ok: false,
        error: { code: 'bad-message', message: 'The message is not a valid request.' },
      };
    }
    const { id, method, args } = request.data;
    if (!isMethodName(method)) {
      logger.warn('rejected an unknown method', { method });
      return { id, ok: false, error: { code: 'unknown-method', message: `Unknown method: ${method}.` } };
    }
    try {
      return { id, ok: true, value: await dispatch(method, args, context) };
    } catch (error) {
      return { id, ok: false, error: toCoreError(error, method, logger) };
    }
  }

  return {
    handle,
    /**
     * A call made inside a host (a CLI command, a bookmarklet link): the same checks and the same
     * errors as a message from a window; a failure is thrown as the CoreFailure the reply carries.
     */
    async call<M extends MethodName>(method: M, args: ArgsOf<M>, context: CallContext): Promise<ResultOf<M>> {
      const reply = await handle({ id: 0, method, args }, context);
      if (!reply.ok) throw new CoreFailure(reply.error.code, reply.error.message, reply.error.detail);
      return reply.value as ResultOf<M>;
    },
  };
}

function idOf(message: unknown): number | null {
  const id = (message as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isInteger(id) ? id : null;
}

function toCoreError(error: unknown, method: string, logger: Logger): CoreError {
  if (error instanceof CoreFailure) {
    if (error.code === 'internal') logger.error(`${method} failed`, { message: error.message });
    return error.toError();
  }
  const storage = storageFailure(error);
  if (storage) {
    logger.info(`${method} could not write to the data folder`, { message: storage.message });
    return storage.toError();
  }
  const text = error instanceof Error ? error.message : String(error);
  logger.error(`${method} failed unexpectedly`, { message: text, stack: (error as Error)?.stack });
  return { code: 'internal', message: `Postwright hit an unexpected problem (${text.slice(0, 200)}).` };
}
