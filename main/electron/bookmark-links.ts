import type { App } from 'electron';
import { LINK_SCHEME, parsePostwrightLink, type ParsedLink } from '../../shared/links/postwright-link';
import type { NewLink } from '../../shared/model/bookmark';
import type { Logger } from '../core/platform/logger';
import type { Router } from '../core/rpc/router';

/** The scheme the bookmarklet and draft links open in the desktop app (shared/links/postwright-link.ts). */
export const BOOKMARK_SCHEME = LINK_SCHEME;

/** The link a postwright://bookmark address carries, or null for anything else. */
export function linkFromBookmarkUrl(raw: string): NewLink | null {
  const parsed = parsePostwrightLink(raw);
  return parsed.ok && parsed.link.kind === 'bookmark' ? parsed.link.link : null;
}

/**
 * Makes Postwright the system's handler for postwright:// links and the only instance: macOS sends
 * `open-url`; Windows and Linux start a second instance with the link (or a file to import) in its
 * arguments, which hands them to this one and quits. What arrives before the app is ready waits for
 * `deliver`. `ok` is false when another instance already runs (this one should quit).
 */
export function registerBookmarkLinks(app: App): {
  ok: boolean;
  deliver(receivers: { link: (parsed: ParsedLink) => void; secondLaunch: (argv: string[]) => void }): void;
} {
  type Arrival = { kind: 'link'; parsed: ParsedLink } | { kind: 'launch'; argv: string[] };
  const waiting: Arrival[] = [];
  let take: ((arrival: Arrival) => void) | null = null;
  const receive = (arrival: Arrival) => (take ? take(arrival) : waiting.push(arrival));
  const fromArgs = (argv: string[]) => argv.find((arg) => arg.startsWith(`${BOOKMARK_SCHEME}:`));

  if (!app.requestSingleInstanceLock()) return { ok: false, deliver: () => undefined };
  // In development Electron runs as `electron main.mjs`, so the script must be named for the OS to call back.
  // electronegativity-justified: PROTOCOL_HANDLER_JS_CHECK: a postwright:// link can only add an http(s)
  // link to the inbox (linkFromBookmarkUrl), fetched from the public web only until the author chooses Retry.
  if (process.defaultApp && process.argv[1]) {
    app.setAsDefaultProtocolClient(BOOKMARK_SCHEME, process.execPath, [process.argv[1]]);
  } else {
    app.setAsDefaultProtocolClient(BOOKMARK_SCHEME);
  }
  app.on('open-url', (event, url) => {
    event.preventDefault();
    receive({ kind: 'link', parsed: parsePostwrightLink(url) });
  });
  app.on('second-instance', (_event, argv) => {
    const link = fromArgs(argv);
    receive(link ? { kind: 'link', parsed: parsePostwrightLink(link) } : { kind: 'launch', argv });
  });
  const first = fromArgs(process.argv);
  if (first) receive({ kind: 'link', parsed: parsePostwrightLink(first) });
  return {
    ok: true,
    deliver(receivers) {
      take = (arrival) =>
        arrival.kind === 'link' ? receivers.link(arrival.parsed) : receivers.secondLaunch(arrival.argv);
      for (const arrival of waiting.splice(0)) take(arrival);
    },
  };
}

/**
 * Adds a bookmarklet link to the inbox through the router, like every call from a host: its
 * arguments are checked as a window's would be, and a refusal is logged, never thrown. A web page
 * sent it, so its details are fetched from the public web only until the author chooses Retry.
 */
export async function addBookmarkLink(router: Router, link: NewLink, logger: Logger): Promise<void> {
  try {
    await router.call(
      'inbox-add',
      { links: [link], awaitMetadata: false, from: 'web-page' },
      { signal: new AbortController().signal },
    );
  } catch (error) {
    logger.warn('a bookmarklet link was not added', { error: String(error) });
  }
}
