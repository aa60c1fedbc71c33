import type { DiscoveryReport } from '../../../shared/model/blog';

/** Discovery's answer in one sentence, and what to do about it when nothing was found. */
export interface Verdict {
  found: boolean;
  text: string;
  advice: string | null;
}

/** The reason a probe gives, without the "Could not load the page:" it starts with. */
const reasonOf = (detail: string) => detail.replace(/^Could not load the page:\s*/, '');

/**
 * One verdict from the probes: what was found (and where), or that the site could not be reached
 * (and why), or that it was reached and offers no way to publish (and what to try). The probes
 * themselves are the details.
 */
export function verdictOf(report: DiscoveryReport): Verdict {
  const { micropub, metaweblog } = report;
  if (micropub && metaweblog)
    return {
      found: true,
      text: `Found Micropub at ${micropub.endpoint} and MetaWeblog at ${metaweblog.endpoint}`,
      advice: 'Choose how Postwright publishes to it below.',
    };
  if (micropub) return { found: true, text: `Found Micropub at ${micropub.endpoint}`, advice: null };
  if (metaweblog) return { found: true, text: `Found MetaWeblog at ${metaweblog.endpoint}`, advice: null };

  const home = report.probes.find((probe) => probe.step === 'Home page');
  if (home?.outcome === 'error' && home.status === undefined)
    return {
      found: false,
      text: `Could not reach the site: ${reasonOf(home.detail)}`,
      advice: 'Check the address for typing mistakes, that the site is up, and that this computer is online.',
    };
  if (home?.outcome === 'error')
    return {
      found: false,
      text: `Could not read the home page: it answered HTTP ${home.status}.`,
      advice: 'Check the address: it should be the blog’s home page, such as https://example.com/.',
    };
  const xmlrpc = report.probes.find((probe) => probe.step === 'XML-RPC endpoint');
  const why =
    xmlrpc?.outcome === 'error'
      ? `The page links to no Micropub endpoint, and nothing answers XML-RPC at ${xmlrpc.target}${xmlrpc.status ? ` (HTTP ${xmlrpc.status})` : ''}.`
      : 'The page links to no Micropub endpoint and no XML-RPC endpoint.';
  return {
    found: false,
    text: `Found no way to publish to ${new URL(report.homeUrl).host}.`,
    advice:
      `${why} Check that this is the blog’s home page. On WordPress, turn XML-RPC on (some hosts and ` +
      'security plugins turn it off); on other sites, a Micropub plugin adds the links Postwright looks for.',
  };
}
