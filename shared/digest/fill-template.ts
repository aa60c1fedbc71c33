/**
 * Fills `{token}`s from `values`; `{#token}…{/token}` keeps its inside only when the token is not
 * empty (so an item without a comment has no stray space). Unknown tokens stay as written, so a
 * typo shows in the preview instead of vanishing.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  const sections = template.replace(
    /\{#([a-z]+)\}([\s\S]*?)\{\/\1\}/g,
    (_whole, name: string, inside: string) => (values[name]?.trim() ? inside : ''),
  );
  return sections.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole,
  );
}
