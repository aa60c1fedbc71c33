import { webUrl } from '../../../../shared/net/safe-link';

/**
 * Adds query parameters to an endpoint URL, keeping any query it already has
 * (`https://example.com/micropub.php?site=2` + `q=config` → `...?site=2&q=config`).
 */
export function withQuery(endpoint: string, params: [string, string][]): string {
  const url = new URL(endpoint);
  for (const [name, value] of params) url.searchParams.append(name, value);
  return url.href;
}

/** A Location header may be relative: resolve it against the URL that answered. */
export function resolveLocation(location: string, base: string): string | null {
  return webUrl(location, base);
}
