/**
 * Query parameters that only say where a click came from. They are dropped from stored links and
 * ignored when looking for duplicates.
 */
const TRACKING_EXACT = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'ttclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wickedid',
  'ref_src',
  's_cid',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_EXACT.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

export type ParsedLink = { ok: true; url: string; key: string } | { ok: false; reason: string };

/**
 * Checks a link the author brings in and works out two forms of it: `url`, the address as given
 * minus tracking parameters (what is stored and published), and `key`, the form two links share
 * when they are the same page (scheme and host lower case, no default port, no trailing slash,
 * no fragment, remaining parameters sorted).
 */
export function parseLink(raw: string): ParsedLink {
  const trimmed = raw.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed);
  // A bare "example.com/page" is what people type into a quick-add field.
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return { ok: false, reason: 'This is not a web address.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `Only http and https links can go in the inbox, not ${url.protocol}` };
  }
  if (!hasScheme && !url.hostname.includes('.') && url.hostname !== 'localhost') {
    return { ok: false, reason: 'This is not a web address.' };
  }
  if (url.username || url.password) {
    return { ok: false, reason: 'Links with a user name or password in them are not kept.' };
  }
  const tracking = [...url.searchParams.keys()].filter(isTrackingParameter);
  // Deleting re-encodes the query, so touch it only when there is something to drop.
  for (const name of tracking) url.searchParams.delete(name);
  const cleaned = url.href;
  return { ok: true, url: cleaned, key: linkKey(url) };
}

/** The duplicate-detection form of an already parsed http(s) URL. */
function linkKey(url: URL): string {
  // WHATWG URL already lower-cases scheme and host and drops default ports.
  let path = url.pathname;
  while (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  if (path === '/') path = '';
  const params = [...url.searchParams.entries()]
    .filter(([name]) => !isTrackingParameter(name))
    .sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  // "#!" fragments address different pages of old single-page sites; other fragments do not.
  const hash = url.hash.startsWith('#!') ? url.hash : '';
  return `${url.protocol}//${url.host}${path}${query}${hash}`;
}

/** The key of a URL, or null when it is not an acceptable link. */
export function normalizeUrl(raw: string): string | null {
  const parsed = parseLink(raw);
  return parsed.ok ? parsed.key : null;
}
