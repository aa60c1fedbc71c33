/**
 * The only URLs the app hands to a system browser or puts in a link: absolute http(s), no
 * credentials. Anything else (javascript:, data:, file:, custom schemes) gives null.
 */
export function safeExternalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  return url.href;
}
