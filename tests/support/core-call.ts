import {
  CoreFailure,
  type ArgsOf,
  type ErrorCode,
  type MethodName,
  type ResultOf,
} from '../../shared/contract';
import type { Core } from '../../main/core/create-core';
import { silentLogger } from '../../main/core/platform/logger';
import { createRouter } from '../../main/core/rpc/router';

/** Calls a core through its router, as every transport does: arguments validated, errors as CoreFailure. */
export function coreCaller(core: Core) {
  const router = createRouter(core.handlers, silentLogger);
  return async <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> => {
    const reply = await router.handle({ id: 1, method, args }, { signal: new AbortController().signal });
    if (!reply.ok)
      throw new CoreFailure(reply.error.code as ErrorCode, reply.error.message, reply.error.detail);
    return reply.value as ResultOf<M>;
  };
}
