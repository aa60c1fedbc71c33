import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { kindOfAddress, kindOfHost } from './address-policy';

/**
 * The one outbound request policy, for every fetch the core makes (discovery, link details,
 * XML-RPC, Micropub, media, IndieAuth):
 * - http and https only, on the first request and on every redirect hop;
 * - link-local and cloud-metadata addresses never, however they are reached (typed, redirected
 *   to, or a public name that resolves to one);
 * - this computer and private networks only when the address the author typed (the anchor) is
 *   itself local, or the request stays on the host the author typed (a blog on the LAN by name);
 * - a redirect that lands on a local address only when it stays on the same host and port;
 * - a link that came from a web page (a bookmarklet) reaches nothing local until the author asks.
 * Host names are judged as written and again by the addresses they resolve to, at connect time, so a
 * public name that resolves to a private address is caught too.
 */
export interface OutboundContext {
  /** The address the author typed or chose (a blog's home page); the request's own URL when absent. */
  anchor?: string;
  /** True for addresses that came from a web page rather than from the author: nothing local at all. */
  publicOnly?: boolean;
  /** Who is being fetched, for the sentences ("The page", "The blog"). */
  what?: string;
}

export type RefusalReason = 'scheme' | 'forbidden' | 'local' | 'redirects' | 'invalid';

/** A request the policy refused, with the sentence for the author. Nothing was sent to `url`. */
export class OutboundRefused extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly url: string,
    /** True when an earlier request of the same exchange did reach a server (a refused redirect). */
    readonly afterRedirect: boolean,
  ) {
    super(message);
    this.name = 'OutboundRefused';
  }
}

/** The refusal inside an error however many libraries wrapped it (axios, follow-redirects), or null. */
export function outboundRefusal(error: unknown): OutboundRefused | null {
  for (let link: unknown = error, depth = 0; link && depth < 6; depth++) {
    if (link instanceof OutboundRefused) return link;
    link = (link as { cause?: unknown }).cause;
  }
  return null;
}

const NEVER = 'a link-local or cloud-metadata address, which Postwright never contacts';
const LOCAL = 'an address on this computer or a private network';

function localAllowed(context: OutboundContext, anchor: URL, hostname: string): boolean {
  if (context.publicOnly) return false;
  return kindOfHost(anchor.hostname) === 'local' || sameHostname(hostname, anchor.hostname);
}

function sameHostname(a: string, b: string): boolean {
  const bare = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '');
  return bare(a) === bare(b);
}

/** Why a local address was refused, and what the author can do. */
function localRefusal(context: OutboundContext): string {
  return context.publicOnly
    ? 'so Postwright does not fetch it without asking. Choose Retry to fetch it.'
    : 'which Postwright contacts only when the address you typed is local too.';
}

/** Checks the first address of an exchange, before anything is sent. */
export function checkFirstRequest(target: URL, context: OutboundContext): void {
  const what = context.what ?? 'The server';
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    throw new OutboundRefused(
      'scheme',
      `Postwright fetches only http and https addresses, not ${target.protocol} ones (${what.toLowerCase()} at ${target.href}).`,
      target.href,
      false,
    );
  }
  const kind = kindOfHost(target.hostname);
  if (kind === 'forbidden') {
    throw new OutboundRefused('forbidden', `${target.host} is ${NEVER}.`, target.href, false);
  }
  const anchor = anchorOf(target, context);
  if (kind === 'local' && !localAllowed(context, anchor, target.hostname)) {
    throw new OutboundRefused(
      'local',
      `${target.host} is ${LOCAL}, ${localRefusal(context)}`,
      target.href,
      false,
    );
  }
}

/** Checks one redirect hop: the page's choice, so held to more than the author's own address. */
export function checkRedirect(
  from: URL,
  to: URL,
  hop: number,
  maxRedirects: number,
  context: OutboundContext,
) {
  const what = context.what ?? 'The server';
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    throw new OutboundRefused(
      'scheme',
      `${what} redirected to a ${to.protocol} address, which Postwright does not follow.`,
      to.href,
      true,
    );
  }
  if (hop > maxRedirects) {
    throw new OutboundRefused(
      'redirects',
      `${what} redirected more than ${maxRedirects} times (a redirect loop?).`,
      to.href,
      true,
    );
  }
  const kind = kindOfHost(to.hostname);
  if (kind === 'forbidden') {
    throw new OutboundRefused('forbidden', `${what} redirected to ${to.host}, ${NEVER}.`, to.href, true);
  }
  const anchor = anchorOf(from, context);
  if (kind === 'local' && (to.host !== from.host || !localAllowed(context, anchor, to.hostname))) {
    throw new OutboundRefused(
      'local',
      `${what} redirected to ${to.host}, ${LOCAL}, which Postwright does not follow.`,
      to.href,
      true,
    );
  }
}

function anchorOf(target: URL, context: OutboundContext): URL {
  if (!context.anchor) return target;
  try {
    return new URL(context.anchor);
  } catch {
    return target;
  }
}

/** Resolves a host name; tests replace it to put "public" names on 127.0.0.1. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))),
  );

type LookupCallback = (error: Error | null, addresses?: LookupAddress[]) => void;

/**
 * The `lookup` a connection uses: resolves the name, then refuses when any address it gives is
 * forbidden, or local where the context allows nothing local. Runs for every hop of a redirect too.
 */
export function guardedLookup(context: OutboundContext, first: URL, resolver: Resolver) {
  const anchor = anchorOf(first, context);
  return (hostname: string, _options: unknown, callback: LookupCallback): void => {
    resolver(hostname).then(
      (addresses) => {
        for (const { address } of addresses) {
          const kind = isIP(address) ? kindOfAddress(address) : 'forbidden';
          const refused =
            kind === 'forbidden'
              ? `${hostname} resolves to ${address}, ${NEVER}.`
              : kind === 'local' && !localAllowed(context, anchor, hostname)
                ? `${hostname} resolves to ${address}, ${LOCAL}, ${localRefusal(context)}`
                : null;
          if (refused) {
            return callback(
              new OutboundRefused(kind === 'forbidden' ? 'forbidden' : 'local', refused, hostname, false),
            );
          }
        }
        callback(null, addresses);
      },
      (error: Error) => callback(error),
    );
  };
}
