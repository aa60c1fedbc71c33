/**
 * Fills `{token}`s from `values`; `{#token}…{/token}` keeps its inside only when the token is not
 * empty (so an item without a comment has no stray space), `{^token}…{/token}` only when it is
 * empty (a dash before a comment that has no quote to follow). Sections of different tokens may
 * nest. Unknown tokens stay as written, so a typo shows in the preview instead of vanishing.
 */
export function fillTemplate(template: string, values: Record<string, string>): string {
  let sections = template;
  for (let previous = ''; previous !== sections;) {
    previous = sections;
    sections = sections.replace(
      /\{([#^])([a-z]+)\}([\s\S]*?)\{\/\2\}/,
      (_whole, kind: string, name: string, inside: string) =>
        Boolean(values[name]?.trim()) === (kind === '#') ? inside : '',
    );
  }
  return sections.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name]! : whole,
  );
}
