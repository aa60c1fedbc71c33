/**
 * The one link-scheme policy. Web addresses are absolute http(s) with no user name or password in
 * them (`https://bank.example@evil.example/` is a phishing trick); anything else (javascript:, data:,
 * file:, vbscript:, custom schemes) is refused. Used for what the app opens in a system browser, the
 * link targets a post may carry, and every address the core reads from a page or a server.
 */
export function webUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.href;
}

/** The only URLs the app hands to a system browser: absolute web addresses. */
export function safeExternalUrl(raw: string): string | null {
  return webUrl(raw);
}

/** Where a link target goes: a link may also write mail; a quote's source or an image is on the web. */
export type LinkTargetKind = 'link' | 'web';

/**
 * The one decision over a link target a post may carry, as written (trimmed) or null: web addresses
 * (and for a link, mailto), or a relative address on the blog itself. The editor's link field and
 * the core's HTML sanitiser both ask it, so "java\tscript:" or a name and password in the address
 * are refused in both.
 */
export function allowedLinkTarget(raw: string, kind: LinkTargetKind = 'link'): string | null {
  const value = raw.trim();
  if (value === '') return null;
  // Control characters and whitespace inside a scheme are how "java\tscript:" slips past naive checks.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value);
  if (!scheme) {
    // Relative: a path, a query or a fragment; "//host" is protocol-relative, so treat it as http(s).
    if (value.startsWith('//')) return webUrl(`https:${value}`) === null ? null : value;
    return value;
  }
  if (scheme[1]!.toLowerCase() === 'mailto')
    return kind === 'link' && /^mailto:[^\s<>"]+$/i.test(value) ? value : null;
  return webUrl(value) === null ? null : value;
}

/**
 * The link targets a post may carry (see `allowedLinkTarget`), a web address written the one way a
 * browser reads it. Used when a link is set in the editor, when pasted HTML is cleaned, and again
 * when a link is opened.
 */
export function safeLinkHref(raw: string): string | null {
  const value = allowedLinkTarget(raw);
  return value !== null && /^https?:/i.test(value) ? webUrl(value) : value;
}
