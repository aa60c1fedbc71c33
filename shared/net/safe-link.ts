/**
 * The link targets a post may carry: absolute http(s) and mailto, or a relative address on the
 * blog itself. Anything else (javascript:, data:, file:, vbscript:, custom schemes) gives null.
 * Used when a link is set in the editor, when pasted HTML is cleaned, and again when a link is opened.
 */
export function safeLinkHref(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  // Control characters and whitespace inside a scheme are how "java\tscript:" slips past naive checks.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value);
  if (!scheme) {
    // Relative: a path, a query or a fragment; "//host" is protocol-relative, so treat it as http(s).
    if (value.startsWith('//')) return safeLinkHref(`https:${value}`) === null ? null : value;
    return value;
  }
  const protocol = scheme[1]!.toLowerCase();
  if (protocol === 'mailto') return /^mailto:[^\s<>"]+$/i.test(value) ? value : null;
  if (protocol !== 'http' && protocol !== 'https') return null;
  try {
    const url = new URL(value);
    if (url.username || url.password) return null;
    return url.href;
  } catch {
    return null;
  }
}
