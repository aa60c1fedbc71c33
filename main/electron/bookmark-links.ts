import type { App } from 'electron';
import type { NewLink } from '../../shared/model/bookmark';
import { webUrl } from '../../shared/net/safe-link';
import type { Logger } from '../core/platform/logger';
import type { Router } from '../core/rpc/router';

/** The scheme the bookmarklet opens in the desktop app: postwright://bookmark?url=…&title=…&quote=… */
export const BOOKMARK_SCHEME = 'postwright';

/** The link a postwright:// address carries, or null for anything else (only http(s) pages are taken). */
export function linkFromBookmarkUrl(raw: string): NewLink | null {
  let address: URL;
  try {
    address = new URL(raw);
  } catch {
    return null;
  }
  if (address.protocol !== `${BOOKMARK_SCHEME}:` || address.hostname !== 'bookmark') return null;
  const url = webUrl(address.searchParams.get('url') ?? '');
  if (!url) return null;
  const title = address.searchParams.get('title')?.trim().slice(0, 2000);
  const quote = address.searchParams.get('quote')?.trim().slice(0, 20_000);
  return { url, ...(title ? { title } : {}), ...(quote ? { description: quote } : {}) };
}

/**
 * Makes Postwright the system's handler for postwright:// links and passes each one on: macOS sends
 * `open-url`; Windows and Linux start a second instance with the link in its arguments, which hands
 * it to this one and quits. Links that arrive before the app is ready wait for `deliver`.
 * Returns false when another instance already runs (this one should quit).
 */
export function registerBookmarkLinks(app: App): {
  ok: boolean;
  deliver(add: (link: NewLink) => void): void;
} {
  const waiting: NewLink[] = [];
  let add: ((link: NewLink) => void) | null = null;
  const receive = (raw: string | undefined) => {
    const link = raw ? linkFromBookmarkUrl(raw) : null;
    if (!link) return;
    if (add) add(link);
    else waiting.push(link);
  };
  const fromArgs = (argv: string[]) => argv.find((arg) => arg.startsWith(`${BOOKMARK_SCHEME}://`));

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
    receive(url);
  });
  app.on('second-instance', (_event, argv) => receive(fromArgs(argv)));
  receive(fromArgs(process.argv));
  return {
    ok: true,
    deliver(next) {
      add = next;
      for (const link of waiting.splice(0)) next(link);
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
