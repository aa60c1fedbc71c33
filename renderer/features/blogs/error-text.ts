/** The sentence of a failed core call (the core's errors already say what to do). */
export function errorText(failure: unknown): string {
  return failure instanceof Error ? failure.message : String(failure);
}
