import type { AxiosResponse } from 'axios';
import type {
  DiscoveryProbe,
  DiscoveryReport,
  MetaweblogDiscovery,
  MicropubInfo,
} from '../../../../shared/model/blog';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { HttpClient } from '../../platform/http';
import { callXmlRpc } from '../xmlrpc/call';
import { XmlRpcError } from '../xmlrpc/errors';
import { metaweblogCapabilities } from './capabilities';
import { readHtmlLinks } from './html-links';
import { parseLinkHeader } from './link-header';
import { parseRsd, pickXmlRpcApi } from './rsd';

const PAGE_LIMITS = { timeoutMs: 15_000, maxBytes: 3 * 1024 * 1024, maxRedirects: 5 };

/** The rels discovery records, in the order the dialog lists them. */
const RELS = [
  'edituri',
  'micropub',
  'micropub_media',
  'indieauth-metadata',
  'authorization_endpoint',
  'token_endpoint',
] as const;
type Rel = (typeof RELS)[number];
const REL_LABEL: Record<Rel, string> = {
  edituri: 'EditURI',
  micropub: 'micropub',
  micropub_media: 'micropub_media',
  'indieauth-metadata': 'indieauth-metadata',
  authorization_endpoint: 'authorization_endpoint',
  token_endpoint: 'token_endpoint',
};

/** "example.com/blog" → "https://example.com/blog"; only http(s). */
export function normaliseUrl(input: string): string {
  const text = input.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new CoreFailure(
      'invalid-args',
      `"${input}" is not a web address. Type the blog's home page, such as https://example.com/.`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CoreFailure(
      'invalid-args',
      `"${input}" is not a web page address: only http and https blogs can be added.`,
    );
  }
  url.hash = '';
  return url.href;
}

/** Why no connection could be made, in words: the system's code alone tells a person nothing. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'Nothing answers at that address (the connection was refused).',
  ENOTFOUND: 'No site has that name (it could not be looked up).',
  EAI_AGAIN: 'The name could not be looked up just now; check the network.',
  ENETUNREACH: 'The network cannot reach it; check the connection.',
  EHOSTUNREACH: 'The network cannot reach it; check the connection.',
  ECONNRESET: 'The site closed the connection before it answered.',
  ETIMEDOUT: 'It did not answer in time.',
  CERT_HAS_EXPIRED: 'Its security certificate has expired.',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'Its security certificate is not one a browser would trust.',
  ERR_TLS_CERT_ALTNAME_INVALID: 'Its security certificate is for another site.',
};

function describeError(error: unknown): string {
  if (error instanceof XmlRpcError) {
    if (error.kind === 'fault' && error.details.faultCode === 405)
      return `XML-RPC is turned off on this blog ("${error.details.faultString}").`;
    if (error.kind === 'unreachable') {
      const code = /\(([A-Z_]+)\)/.exec(error.message)?.[1];
      return (code && NETWORK_REASONS[code]) ?? 'No connection could be made.';
    }
    if (error.kind === 'timeout') return 'It did not answer in time.';
    return error.message;
  }
  const code = (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ERR_CANCELED' || /aborted|canceled/i.test(message)) return 'It did not answer in time.';
  if (code && NETWORK_REASONS[code]) return NETWORK_REASONS[code];
  return code && !message.includes(code) ? `${message} (${code})` : message;
}

async function fetchText(http: HttpClient, url: string, accept: string, signal?: AbortSignal) {
  const deadline = AbortSignal.timeout(PAGE_LIMITS.timeoutMs);
  const response: AxiosResponse<string> = await http.get<string>(url, {
    responseType: 'text',
    transformResponse: (data: unknown) => data,
    headers: { Accept: accept },
    signal: signal ? AbortSignal.any([signal, deadline]) : deadline,
    maxContentLength: PAGE_LIMITS.maxBytes,
    maxRedirects: PAGE_LIMITS.maxRedirects,
    beforeRedirect: (options) => {
      if (options.protocol !== 'http:' && options.protocol !== 'https:')
        throw new Error(`${url} redirected to a non-web address.`);
    },
    validateStatus: () => true,
  });
  const finalUrl =
    (response.request as { res?: { responseUrl?: string } } | undefined)?.res?.responseUrl ?? url;
  return { response, finalUrl, text: typeof response.data === 'string' ? response.data : '' };
}

/**
 * Discovery from the home page: Link headers first, then `<link>` elements; EditURI leads to the RSD
 * document and the XML-RPC endpoint (else /xmlrpc.php is tried); Micropub and IndieAuth links are
 * recorded for the Micropub sign-in. Every probe goes into the report, found or not, so the dialog
 * can show which step failed and why.
 */
export async function discoverBlog(
  http: HttpClient,
  input: string,
  signal?: AbortSignal,
): Promise<DiscoveryReport> {
  const url = normaliseUrl(input);
  const probes: DiscoveryProbe[] = [];
  const found: Partial<Record<Rel, string>> = {};
  let homeUrl = url;
  let title: string | null = null;
  // No answer at all (refused, no such name, no network): guessing addresses on it is pointless.
  let reached = true;

  try {
    const { response, finalUrl, text } = await fetchText(
      http,
      url,
      'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
      signal,
    );
    homeUrl = finalUrl;
    const type = String(response.headers['content-type'] ?? '');
    if (response.status >= 400) {
      probes.push({
        step: 'Home page',
        target: url,
        outcome: 'error',
        status: response.status,
        detail: `The page answered HTTP ${response.status}. Check the address.`,
      });
    } else {
      const page =
        /html|xml/i.test(type) || type === '' ? readHtmlLinks(text) : { links: [], base: null, title: null };
      title = page.title;
      probes.push({
        step: 'Home page',
        target: url,
        outcome: 'found',
        status: response.status,
        detail: `${type || 'no content type'}${finalUrl !== url ? `, after redirects to ${finalUrl}` : ''}${title ? `: "${title}"` : ''}`,
      });
      const headerLinks = parseLinkHeader(response.headers.link as string | string[] | undefined);
      const base = page.base ? (safeResolve(page.base, finalUrl) ?? finalUrl) : finalUrl;
      for (const rel of RELS) {
        const fromHeader = headerLinks.find((link) => link.rels.includes(rel));
        const fromHtml = page.links.find((link) => link.rels.includes(rel));
        const href = fromHeader
          ? safeResolve(fromHeader.href, finalUrl)
          : fromHtml
            ? safeResolve(fromHtml.href, base)
            : null;
        if (href) found[rel] = href;
        probes.push({
          step: `rel="${REL_LABEL[rel]}"`,
          target: fromHeader
            ? 'Link header'
            : fromHtml
              ? '<link> in the page'
              : 'Link header and <link> elements',
          outcome: href ? 'found' : 'absent',
          detail: href ?? 'Not there.',
        });
      }
    }
  } catch (error) {
    reached = false;
    probes.push({
      step: 'Home page',
      target: url,
      outcome: 'error',
      detail: `Could not load the page: ${describeError(error)}`,
    });
  }

  const metaweblog = reached
    ? await discoverXmlRpc(http, homeUrl, found.edituri ?? null, probes, signal)
    : null;
  const micropub: MicropubInfo | null = found.micropub
    ? {
        endpoint: found.micropub,
        mediaEndpoint: found.micropub_media ?? null,
        authorizationEndpoint: found.authorization_endpoint ?? null,
        tokenEndpoint: found.token_endpoint ?? null,
        indieauthMetadata: found['indieauth-metadata'] ?? null,
      }
    : null;
  return {
    url,
    homeUrl,
    title,
    probes,
    metaweblog,
    micropub,
    protocols: [
      ...(micropub ? (['micropub'] as const) : []),
      ...(metaweblog ? (['metaweblog'] as const) : []),
    ],
  };
}

function safeResolve(href: string, base: string): string | null {
  try {
    const resolved = new URL(href, base);
    return resolved.protocol === 'http:' || resolved.protocol === 'https:' ? resolved.href : null;
  } catch {
    return null;
  }
}

async function discoverXmlRpc(
  http: HttpClient,
  homeUrl: string,
  editUri: string | null,
  probes: DiscoveryProbe[],
  signal?: AbortSignal,
): Promise<MetaweblogDiscovery | null> {
  let endpoint: string | null = null;
  let remoteBlogId: string | null = null;
  let apiName: string | null = null;
  if (editUri) {
    try {
      const { response, text } = await fetchText(
        http,
        editUri,
        'application/rsd+xml, application/xml, text/xml',
        signal,
      );
      if (response.status >= 400) throw new Error(`It answered HTTP ${response.status}.`);
      const apis = parseRsd(text);
      const api = pickXmlRpcApi(apis);
      if (!api)
        throw new Error(`It lists no XML-RPC API (${apis.map((entry) => entry.name).join(', ') || 'none'}).`);
      endpoint = safeResolve(api.apiLink, editUri);
      if (!endpoint) throw new Error(`Its API link "${api.apiLink}" is not a web address.`);
      remoteBlogId = api.blogId;
      apiName = api.name;
      probes.push({
        step: 'RSD document',
        target: editUri,
        outcome: 'found',
        status: response.status,
        detail: `Lists ${apis.map((entry) => entry.name).join(', ')}; using ${api.name} at ${endpoint}${api.blogId ? ` (blog ${api.blogId})` : ''}.`,
      });
    } catch (error) {
      probes.push({
        step: 'RSD document',
        target: editUri,
        outcome: 'error',
        detail: `Could not use it: ${describeError(error)}`,
      });
    }
  }
  // No endpoint named: the usual WordPress address is tried. A guess is not a find; the probe of
  // the endpoint below says whether anything answered there.
  const guessed = endpoint === null;
  if (!endpoint) endpoint = new URL('xmlrpc.php', homeUrl.endsWith('/') ? homeUrl : `${homeUrl}/`).href;
  const guessNote = guessed
    ? `the usual WordPress address, tried because ${editUri ? 'the RSD document named no endpoint' : 'the page has no EditURI link'}`
    : null;
  const why = guessNote ? ` (${guessNote})` : '';
  try {
    const value = await callXmlRpc(http, endpoint, 'system.listMethods', [], {
      ...(signal ? { signal } : {}),
      limits: { timeoutMs: 15_000, maxResponseBytes: 2 * 1024 * 1024 },
    });
    const methods = Array.isArray(value)
      ? value.filter((entry): entry is string => typeof entry === 'string')
      : [];
    const mw = methods.filter((name) => name.startsWith('metaWeblog.'));
    probes.push({
      step: 'XML-RPC endpoint',
      target: endpoint,
      outcome: 'found',
      status: 200,
      detail: `Answers system.listMethods with ${methods.length} methods${mw.length ? `, including ${mw.length} metaWeblog.* methods` : ', but no metaWeblog.* method'}${why}.`,
    });
    return { endpoint, remoteBlogId, apiName, methods, capabilities: metaweblogCapabilities(methods) };
  } catch (error) {
    // An XML-RPC fault still proves an XML-RPC server (some engines lack system.listMethods), except 405: turned off.
    if (error instanceof XmlRpcError && error.kind === 'fault' && error.details.faultCode !== 405) {
      probes.push({
        step: 'XML-RPC endpoint',
        target: endpoint,
        outcome: 'found',
        status: error.details.status,
        detail: `An XML-RPC server (it does not list its methods: "${error.details.faultString}")${why}.`,
      });
      return { endpoint, remoteBlogId, apiName, methods: [], capabilities: metaweblogCapabilities([]) };
    }
    probes.push({
      step: 'XML-RPC endpoint',
      target: endpoint,
      outcome: 'error',
      ...(error instanceof XmlRpcError && error.details.status ? { status: error.details.status } : {}),
      detail: `${describeError(error)}${guessNote ? ` This is ${guessNote}.` : ''}`,
    });
    return null;
  }
}
