import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import type { ParsedLink } from '../../shared/links/postwright-link';
import { APP_VERSION } from '../../shared/version';
import { createCore } from '../core/create-core';
import { systemClock } from '../core/platform/clock';
import { prepareDataDir } from '../core/platform/data-dir';
import { createHttpClient } from '../core/platform/http';
import { createStreamLogger } from '../core/platform/logger';
import { createRouter } from '../core/rpc/router';
import { ConfSettingsStore } from '../core/settings/conf-settings-store';
import { prepareSettingsFile } from '../core/settings/settings-file';
import { APP_SCHEME, registerAppProtocol } from './app-protocol';
import { openAppWindow, sendToWindow } from './app-window';
import { addBookmarkLink, registerBookmarkLinks } from './bookmark-links';
import { registerCoreIpc } from './core-ipc';
import { menuTemplate, platformOf } from './menu';
import { importableFiles, importOpenedFile } from './open-files';
import { notifyOutbox } from './outbox-notifications';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { denyAllPermissions, hardenWebContents } from './window';

// Host 1: the desktop app. It builds the Electron adapters, hands them to the core, and stays thin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.setName('Postwright');
app.enableSandbox();

const logger = createStreamLogger('info');
// postwright:// links and files to open: one instance takes them all; a second launch hands them over.
const links = registerBookmarkLinks(app);
if (!links.ok) app.quit();
// macOS hands files to open (the .md/.html associations) as events, before or after ready.
const filesToOpen = importableFiles(process.argv.slice(1));
let openFileNow: ((path: string) => void) | null = null;
app.on('open-file', (event, path) => {
  event.preventDefault();
  if (openFileNow) openFileNow(path);
  else filesToOpen.push(path);
});

app.on('web-contents-created', (_event, contents) =>
  // electronegativity-justified: OPEN_EXTERNAL_JS_CHECK: hardenWebContents hands over only http(s)
  // addresses without credentials (safeExternalUrl); nothing else reaches the system browser.
  hardenWebContents(contents, (url) => void shell.openExternal(url)),
);

app.whenReady().then(async () => {
  const dataDir = process.env.POSTWRIGHT_DATA_DIR ?? app.getPath('userData');
  try {
    await prepareDataDir(dataDir);
  } catch (error) {
    dialog.showErrorBox('Postwright cannot open its data folder', (error as Error).message);
    app.exit(2);
    return;
  }
  // electron-store throws on a settings file it cannot parse: set such a file aside first.
  const earlyProblems = await prepareSettingsFile(dataDir, systemClock.now());
  const core = createCore({
    host: 'electron',
    version: APP_VERSION,
    dataDir,
    settings: new ConfSettingsStore(
      new ElectronStore({ cwd: dataDir, name: 'settings', configFileMode: 0o600 }),
    ),
    secrets: new SafeStorageSecretStore(safeStorage, dataDir),
    http: createHttpClient(`Postwright/${APP_VERSION}`),
    clock: systemClock,
    logger,
    earlyProblems,
  });
  // The digest schedules run in the main process: at start (periods missed while closed), then on time.
  const stopCadence = core.startDigestCadence();
  const router = createRouter(core.handlers, logger);
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, join(import.meta.dirname, '..', 'renderer'), core.images);
  registerCoreIpc(
    ipcMain,
    core,
    () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    logger,
  );
  const window = await openAppWindow(
    dataDir,
    join(import.meta.dirname, '..', 'preload', 'preload.cjs'),
    logger,
  );
  // The menu hands each choice to the window's command registry (shared/commands/catalog.ts).
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(platformOf(process.platform), (id) => sendToWindow(window, 'app-command', { id })),
    ),
  );
  core.startAll();
  notifyOutbox(core.events, router);

  const bringForward = () => {
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  const openFile = async (path: string) => {
    const result = await importOpenedFile(router, path);
    if (result.ok) sendToWindow(window, 'app-command', { id: 'file.open', draftId: result.draftId });
    else sendToWindow(window, 'app-notice', { text: result.reason, tone: 'error' });
  };
  const openLink = (parsed: ParsedLink) => {
    bringForward();
    if (!parsed.ok) sendToWindow(window, 'app-notice', { text: parsed.reason, tone: 'error' });
    else if (parsed.link.kind === 'bookmark') void addBookmarkLink(router, parsed.link.link, logger);
    else sendToWindow(window, 'app-command', { id: 'file.open', draftId: parsed.link.draftId });
  };
  links.deliver({
    link: openLink,
    secondLaunch: (argv) => {
      bringForward();
      for (const path of importableFiles(argv.slice(1))) void openFile(path);
    },
  });
  openFileNow = (path) => void openFile(path);
  for (const path of filesToOpen.splice(0)) openFileNow(path);

  app.on('window-all-closed', () => {
    stopCadence();
    void core.dispose().then(() => app.quit());
  });
});
