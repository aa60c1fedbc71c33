/**
 * Which addresses a fetched page may send us to. The author chose the first address, so it may be
 * anything http(s), even on this machine; a redirect is the page's choice, so it is held to more:
 * - http and https only (never file:, data:, ftp: …);
 * - a redirect that lands on a loopback, private or link-local address is followed only when it stays
 *   on the same host and port as the page that redirected (a public page cannot steer Postwright at
 *   other services on this machine or network);
 * - at most MAX_REDIRECTS hops.
 * Host names are judged as written: a public name that resolves to a private address is not caught.
 */
export const MAX_REDIRECTS = 5;

export class FetchRefused extends Error {}

function ipv4(hostname: string): number[] | null {
  const parts = hostname.split('.');
  if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part))) return null;
  const numbers = parts.map(Number);
  return numbers.every((part) => part <= 255) ? numbers : null;
}

/** Loopback, private, link-local, CGNAT, unspecified: addresses that are not the public web. */
export function isLocalAddress(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  const v4 = ipv4(host.startsWith('::ffff:') ? host.slice(7) : host);
  if (v4) {
    const [a, b] = v4 as [number, number, number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (host.includes(':')) {
    return (
      host === '::1' ||
      host === '::' ||
      /^f[cd]/.test(host) ||
      /^fe[89ab]/.test(host) ||
      host.startsWith('::ffff:')
    );
  }
  return false;
}

export function checkFirstAddress(url: URL): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefused(`Only http and https pages are fetched, not ${url.protocol} addresses.`);
  }
}

export function checkRedirect(from: URL, to: URL, hop: number): void {
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    throw new FetchRefused(
      `The page redirected to a ${to.protocol} address, which Postwright does not follow.`,
    );
  }
  if (hop > MAX_REDIRECTS) {
    throw new FetchRefused(`The page redirected more than ${MAX_REDIRECTS} times (a redirect loop?).`);
  }
  if (isLocalAddress(to.hostname) && to.host !== from.host) {
    throw new FetchRefused(
      `The page redirected to ${to.host}, an address on this computer or a private network, which Postwright does not follow.`,
    );
  }
}
