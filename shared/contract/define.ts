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

type DomainMethods = Record<string, MethodSpec<z.ZodType, unknown>>;
type Joined<D extends readonly DomainMethods[]> = D extends readonly [
  infer First,
  ...infer Rest extends readonly DomainMethods[],
]
  ? First & Joined<Rest>
  : unknown;

/**
 * The domains' methods as one map. A name two domains both define is refused when the contract is
 * built: joined with a spread, the later one would silently replace the earlier.
 */
export function joinDomains<const D extends readonly DomainMethods[]>(...domains: D): Joined<D> {
  const joined: DomainMethods = {};
  for (const domain of domains) {
    for (const [name, spec] of Object.entries(domain)) {
      if (Object.hasOwn(joined, name)) throw new Error(`Two domains of the contract define "${name}".`);
      joined[name] = spec;
    }
  }
  return joined as Joined<D>;
}
