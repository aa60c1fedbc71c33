import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import ElectronStore from 'electron-store';
import { APP_VERSION } from '../../shared/version';
import { createCore } from '../core/create-core';
import { systemClock } from '../core/platform/clock';
import { createHttpClient } from '../core/platform/http';
import { createStreamLogger } from '../core/platform/logger';
import { createRouter } from '../core/rpc/router';
import { ConfSettingsStore } from '../core/settings/conf-settings-store';
import { prepareSettingsFile } from '../core/settings/settings-file';
import { APP_SCHEME, registerAppProtocol } from './app-protocol';
import { addBookmarkLink, registerBookmarkLinks } from './bookmark-links';
import { registerCoreIpc } from './core-ipc';
import { SafeStorageSecretStore } from './safe-storage-secret-store';
import { APP_URL, hardenWebContents, mainWindowOptions } from './window';

// Host 1: the desktop app. It builds the Electron adapters, hands them to the core, and stays thin.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.setName('Postwright');
app.enableSandbox();

const logger = createStreamLogger('info');
// postwright://bookmark links (the bookmarklet): one instance takes them all.
const bookmarkLinks = registerBookmarkLinks(app);
if (!bookmarkLinks.ok) app.quit();

app.on('web-contents-created', (_event, contents) =>
  hardenWebContents(contents, (url) => void shell.openExternal(url)),
);

app.whenReady().then(async () => {
  const dataDir = process.env.POSTWRIGHT_DATA_DIR ?? app.getPath('userData');
  // electron-store throws on a settings file it cannot parse: set such a file aside first.
  const earlyProblems = await prepareSettingsFile(dataDir, systemClock.now());
  const core = createCore({
    host: 'electron',
    version: APP_VERSION,
    dataDir,
    settings: new ConfSettingsStore(new ElectronStore({ cwd: dataDir, name: 'settings' })),
    secrets: new SafeStorageSecretStore(safeStorage, dataDir),
    http: createHttpClient(`Postwright/${APP_VERSION}`),
    clock: systemClock,
    logger,
    earlyProblems,
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  registerAppProtocol(protocol, join(import.meta.dirname, '..', 'renderer'), core.drafts);
  registerCoreIpc(
    ipcMain,
    core,
    () => BrowserWindow.getAllWindows().map((window) => window.webContents),
    logger,
  );
  Menu.setApplicationMenu(
    Menu.buildFromTemplate([
      { role: process.platform === 'darwin' ? 'appMenu' : 'fileMenu' },
      { role: 'editMenu' },
      { role: 'viewMenu' },
      { role: 'windowMenu' },
    ]),
  );
  const window = new BrowserWindow(
    mainWindowOptions(join(import.meta.dirname, '..', 'preload', 'preload.cjs')),
  );
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_URL);
  const router = createRouter(core.handlers, logger);
  bookmarkLinks.deliver((link) => {
    if (window.isMinimized()) window.restore();
    window.focus();
    void addBookmarkLink(router, link, logger);
  });
  app.on('window-all-closed', () => {
    void core.dispose().then(() => app.quit());
  });
});
