/**
 * Numbers in [0, 1) from a seed (mulberry32): the same seed gives the same numbers, so a test that
 * draws at random can be run again exactly as it failed.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** This run's seed: POSTWRIGHT_TEST_SEED when set (to replay a failure), else a new one. */
export function testSeed(): number {
  const given = Number(process.env.POSTWRIGHT_TEST_SEED);
  return Number.isInteger(given) && given > 0 ? given : 1 + Math.floor(Math.random() * 2 ** 31);
}

/** Draws for fuzzing, from one seed that tests print (and put in their failure messages). */
export interface SeededDraws {
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  int(below: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(length: number): Buffer;
}

export function seededDraws(seed = testSeed()): SeededDraws {
  const next = seededRandom(seed);
  const int = (below: number) => Math.floor(next() * below);
  return {
    seed,
    next,
    int,
    pick: (items) => items[int(items.length)]!,
    bytes: (length) => Buffer.from(Array.from({ length }, () => int(256))),
  };
}
