import { CoreFailure, ERROR_CODES, type ErrorCode } from './errors';
import { asPush, asReply } from './envelope';
import type { ArgsOf, CoreEvents, EventName, MethodName, ResultOf } from './index';
import type { Transport } from './transport';

export interface CoreClient {
  call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>>;
  /** Returns the cleanup that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void;
  /** Rejects every call still waiting, e.g. when the connection dropped and the answers will never come. */
  failPending(code: ErrorCode, message: string): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: CoreFailure): void;
}

function asErrorCode(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'internal';
}

export function createCoreClient(transport: Transport): CoreClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  transport.onMessage((message) => {
    const reply = asReply(message);
    if (reply && reply.id !== null) {
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if (reply.ok) waiting.resolve(reply.value);
      else {
        const { code, message: text, detail } = reply.error;
        waiting.reject(new CoreFailure(asErrorCode(code), text, detail));
      }
      return;
    }
    const push = asPush(message);
    if (push) listeners.get(push.event)?.forEach((listener) => listener(push.payload));
  });

  return {
    call(method, args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        try {
          transport.send({ id, method, args });
        } catch (error) {
          pending.delete(id);
          reject(new CoreFailure('disconnected', error instanceof Error ? error.message : String(error)));
        }
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
    failPending(code, message) {
      const waiting = [...pending.values()];
      pending.clear();
      waiting.forEach((entry) => entry.reject(new CoreFailure(code, message)));
    },
  };
}
