/**
 * The sentence to show for a failed call: the core's own, which for wrong arguments names each
 * field in words and says what it must be ("The time zone must be a name like Europe/London.").
 */
export function explain(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
