/** Answer headers as one string each: lower-case names, repeated headers joined with ", ". */
export function flatHeaders(raw: Record<string, unknown> | null | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value == null) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}
