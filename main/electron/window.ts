import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { safeExternalUrl } from '../../shared/net/safe-link';

/** The app's own pages are served from this origin (see app-protocol.ts); nothing else loads in the window. */
export const APP_ORIGIN = 'app://postwright';
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * Opens the app's window. Its options are written out here, in the `new BrowserWindow({...})`
 * itself, so a reader (and electronegativity, which reads source) sees every web preference; the
 * constructor is passed in so this file loads without Electron's binary (unit tests).
 */
export function openMainWindow<W>(
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W,
  preloadPath: string,
  /** Where it opens (the last placement, window-state.ts); 1280×820 by default. */
  bounds: { x?: number; y?: number; width: number; height: number } = { width: 1280, height: 820 },
): W {
  return new BrowserWindow({
    ...bounds,
    minWidth: 720,
    minHeight: 480,
    title: 'Postwright',
    show: false,
    webPreferences: {
      // electronegativity-justified: PRELOAD_JS_CHECK: the preload exposes invoke and onEvent on one
      // channel each, nothing of Node; core-ipc.ts answers only the app's own top-level frame.
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click would open a link in a new window; links leave through hardenWebContents only.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
}

export function isAppUrl(url: string): boolean {
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * No window may navigate away from the app or open another window. A link to an http(s) page
 * opens in the system browser instead; any other scheme is dropped.
 */
export function hardenWebContents(contents: WebContents, openExternal: (url: string) => void): void {
  const sendOut = (url: string) => {
    const safe = safeExternalUrl(url);
    if (safe) openExternal(safe);
  };
  contents.setWindowOpenHandler(({ url }) => {
    sendOut(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    sendOut(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The app asks for no permission (camera, microphone, notifications, geolocation, USB, …): every
 * request and every check is answered no, so nothing a page could embed gets one either.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
