import type { z } from 'zod';

/**
 * A method of the contract: its argument schema (checked at run time at the transport boundary)
 * and its result type (checked at compile time by the client). `R` is a phantom: no value carries it.
 */
export interface MethodSpec<A extends z.ZodType, R> {
  readonly args: A;
  readonly __result?: R;
}

export function method<A extends z.ZodType>(args: A) {
  return {
    returns<R>(): MethodSpec<A, R> {
      return { args };
    },
  };
}

export type AnyMethodSpec = MethodSpec<z.ZodType, unknown>;
