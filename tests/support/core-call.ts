import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract';
import type { Core } from '../../main/core/create-core';
import { silentLogger } from '../../main/core/platform/logger';
import { createRouter } from '../../main/core/rpc/router';

/** Calls a core through its router, as every transport does: arguments validated, errors as CoreFailure. */
export function coreCaller(core: Core) {
  const router = createRouter(core.handlers, silentLogger);
  return <M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> =>
    router.call(method, args, { signal: new AbortController().signal });
}

/** What `coreCaller` gives: a function that calls one method of the core. */
export type CoreCall = ReturnType<typeof coreCaller>;
