/**
 * Classes that belong to the post rather than to the editor: microformats (h-event, p-name,
 * dt-start, u-url, e-content), WordPress's image layout (alignleft, wp-caption, size-medium), GFM
 * task lists and code languages. The editor's own theme classes never reach a post.
 */
export const POST_CLASS =
  /^(?:(?:h|p|u|dt|e)-[a-z0-9-]+|align(?:left|center|right|none|full)|wp-caption(?:-text)?|size-(?:small|medium|large|full)|contains-task-list|task-list-item|language-[a-z0-9#+.-]+)$/;

/** The post classes of a class list, in their order. */
export function postClasses(classList: Iterable<string>): string[] {
  return Array.from(classList).filter((name) => POST_CLASS.test(name));
}
