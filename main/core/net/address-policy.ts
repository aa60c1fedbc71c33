import { BlockList, isIP } from 'node:net';

/**
 * Which network an address belongs to, for the outbound policy (outbound-policy.ts):
 * - `forbidden`: link-local and cloud-metadata addresses, multicast and broadcast. Nothing a blog or a
 *   page lives on, and the classic way to steal a machine's cloud credentials: never contacted.
 * - `local`: this computer and private networks (loopback, RFC 1918, CGNAT, unique-local IPv6, and
 *   names that only mean something on a local network).
 * - `public`: everything else.
 * IPv4 written any way the URL parser accepts (0xa9fea9fe, 169.254.43518) reaches here normalised;
 * IPv4-mapped and NAT64 IPv6 forms are judged by the IPv4 address inside.
 */
export type AddressKind = 'public' | 'local' | 'forbidden';

const FORBIDDEN = new BlockList();
FORBIDDEN.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local: 169.254.169.254 is every big cloud's metadata service
FORBIDDEN.addAddress('100.100.100.200', 'ipv4'); // Alibaba Cloud metadata
FORBIDDEN.addAddress('168.63.129.16', 'ipv4'); // Azure wire server
FORBIDDEN.addAddress('192.0.0.192', 'ipv4'); // Oracle Cloud metadata
FORBIDDEN.addSubnet('224.0.0.0', 4, 'ipv4'); // multicast
FORBIDDEN.addAddress('255.255.255.255', 'ipv4');
FORBIDDEN.addSubnet('fe80::', 10, 'ipv6'); // link-local
FORBIDDEN.addAddress('fd00:ec2::254', 'ipv6'); // AWS metadata over IPv6
FORBIDDEN.addSubnet('ff00::', 8, 'ipv6'); // multicast

const LOCAL = new BlockList();
LOCAL.addSubnet('0.0.0.0', 8, 'ipv4'); // "this host": 0.0.0.0 reaches loopback services on Linux
LOCAL.addSubnet('127.0.0.0', 8, 'ipv4');
LOCAL.addSubnet('10.0.0.0', 8, 'ipv4');
LOCAL.addSubnet('172.16.0.0', 12, 'ipv4');
LOCAL.addSubnet('192.168.0.0', 16, 'ipv4');
LOCAL.addSubnet('100.64.0.0', 10, 'ipv4'); // carrier-grade NAT
LOCAL.addSubnet('198.18.0.0', 15, 'ipv4'); // network benchmarking, used inside some LANs
LOCAL.addAddress('::1', 'ipv6');
LOCAL.addAddress('::', 'ipv6');
LOCAL.addSubnet('fc00::', 7, 'ipv6'); // unique local
LOCAL.addSubnet('fec0::', 10, 'ipv6'); // site-local (deprecated, still routed in some LANs)

/** Names of cloud metadata services, refused before any lookup. */
const FORBIDDEN_NAMES = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** Suffixes that only resolve on a local network. */
const LOCAL_SUFFIXES = [
  '.localhost',
  '.local',
  '.lan',
  '.home',
  '.home.arpa',
  '.internal',
  '.intranet',
  '.corp',
];

/** NAT64 (64:ff9b::/96) carries an IPv4 address in its last 32 bits: judge that address. */
function embeddedIpv4(address: string): string | null {
  const match = /^64:ff9b::([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!match) return null;
  const high = parseInt(match[1]!, 16);
  const low = parseInt(match[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * The addresses judged lately: a BlockList check builds a socket address object each time, which
 * costs more than the rest of a publish's policy checks together. A blog is one address, asked again
 * at every request; the memory is small and forgets everything when it fills.
 */
const judged = new Map<string, AddressKind>();
const JUDGED_MAX = 256;

/** The kind of a numeric address (IPv4 or IPv6, without brackets). */
export function kindOfAddress(address: string): AddressKind {
  let kind = judged.get(address);
  if (kind) return kind;
  kind = judge(address);
  if (judged.size >= JUDGED_MAX) judged.clear();
  judged.set(address, kind);
  return kind;
}

function judge(address: string): AddressKind {
  const family = isIP(address);
  if (family === 0) throw new Error(`${address} is not an IP address`);
  const nat64 = family === 6 ? embeddedIpv4(address) : null;
  if (nat64) return kindOfAddress(nat64);
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (FORBIDDEN.check(address, type)) return 'forbidden';
  if (LOCAL.check(address, type)) return 'local';
  // IPv4-mapped (::ffff:a.b.c.d) is matched by the IPv4 subnets above; anything else is the internet.
  return 'public';
}

/**
 * The kind of a URL's hostname as written: an IP literal by its address, a name by what it says
 * (localhost, *.local, a single label resolved through the LAN's search domains). A public-looking
 * name may still resolve to a local address: the connection's own lookup checks that too.
 */
export function kindOfHost(hostname: string): AddressKind {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (isIP(host)) return kindOfAddress(host);
  if (FORBIDDEN_NAMES.has(host)) return 'forbidden';
  if (host === 'localhost' || !host.includes('.')) return 'local';
  return LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix)) ? 'local' : 'public';
}
