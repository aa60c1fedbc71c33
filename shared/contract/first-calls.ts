import type { CoreClient } from './client';
import type { MethodName } from './index';

/**
 * A client that sends `methods` (each with no arguments) at once, when it is made, and answers
 * the first such call from there: the window asks for what every start needs while its code is
 * still being read, instead of one call after another as components mount. Later calls go out.
 */
export function withFirstCalls(client: CoreClient, methods: readonly MethodName[]): CoreClient {
  const early = new Map<MethodName, Promise<unknown>>();
  for (const method of methods) {
    const answer = client.call(method, {} as never);
    // Nobody may ask (a screen that never mounts): its failure must not be reported as unhandled.
    answer.catch(() => undefined);
    early.set(method, answer);
  }
  return {
    ...client,
    call(method, args) {
      const answer = early.get(method);
      if (answer && Object.keys(args as object).length === 0) {
        early.delete(method);
        return answer as ReturnType<CoreClient['call']>;
      }
      return client.call(method, args);
    },
  };
}
