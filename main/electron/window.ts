import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { safeExternalUrl } from '../../shared/net/safe-link';

/** The app's own pages are served from this origin (see app-protocol.ts); nothing else loads in the window. */
export const APP_ORIGIN = 'app://postwright';
export const APP_URL = `${APP_ORIGIN}/index.html`;

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Postwright',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  };
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
