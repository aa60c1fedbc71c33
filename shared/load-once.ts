export interface LoadOnce<T> {
  /** Loads (once) and resolves to what was loaded. */
  get(): Promise<T>;
  /** What was loaded, or undefined before that (or after a failed load). */
  loaded(): T | undefined;
  /** The load under way or done, or undefined when none began or the last one failed. */
  pending(): Promise<T> | undefined;
}

/** A load run once and kept. A failed load is forgotten, so the next ask tries again. */
export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let loading: Promise<T> | undefined;
  let value: T | undefined;
  return {
    get: () =>
      (loading ??= load().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      )),
    loaded: () => value,
    pending: () => loading,
  };
}
