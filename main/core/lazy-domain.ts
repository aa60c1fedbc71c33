import type { CallContext, Handlers, MethodName } from '../../shared/contract';
import { loadOnce } from '../../shared/load-once';

export interface LazyDomain<T> {
  /** A handler for each of the domain's methods: the first call starts the domain. */
  readonly handlers: Partial<Handlers>;
  /** Starts the domain (once) and resolves to it. */
  start(): Promise<T>;
  /** The domain if it has started, else undefined: what has not started has nothing to update. */
  started(): T | undefined;
  /** The domain once a start under way has finished (undefined when none began or it failed). */
  settled(): Promise<T | undefined>;
}

/**
 * A domain of the core that loads its modules and starts on its first call. A start that failed
 * (a missing binding, a full disk) is tried again on the next call.
 */
export function lazyDomain<T extends { handlers: Partial<Handlers> }>(
  methods: readonly MethodName[],
  load: () => Promise<T>,
): LazyDomain<T> {
  const domain = loadOnce(load);
  const start = () => domain.get();
  const handlers: Partial<Record<MethodName, unknown>> = {};
  for (const method of methods) {
    handlers[method] = async (args: never, context: CallContext) => {
      const handler = (await start()).handlers[method] as (args: never, context: CallContext) => unknown;
      return handler(args, context);
    };
  }
  return {
    handlers: handlers as Partial<Handlers>,
    start,
    started: () => domain.loaded(),
    settled: () => domain.pending()?.catch(() => undefined) ?? Promise.resolve(undefined),
  };
}
