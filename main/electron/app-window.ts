import { BrowserWindow, Menu, screen } from 'electron';
import type { Logger } from '../core/platform/logger';
import { contextMenuTemplate } from './context-menu';
import { EVENT_CHANNEL } from './core-ipc';
import { APP_URL, openMainWindow } from './window';
import {
  choosePlacement,
  readWindowState,
  remember,
  writeWindowState,
  type WindowStateFile,
} from './window-state';

const SAVE_DELAY_MS = 500;

/** Sends the window a push event of the contract that the host (not the core) raises. */
export function sendToWindow(
  window: BrowserWindow,
  event: 'app-command' | 'app-notice',
  payload: unknown,
): void {
  if (!window.isDestroyed()) window.webContents.send(EVENT_CHANNEL, { event, payload });
}

/**
 * The app's window, opened where it was last time (window-state.ts) and remembering where it goes;
 * its editable text gets the native context menu with spelling suggestions.
 */
export async function openAppWindow(
  dataDir: string,
  preloadPath: string,
  logger: Logger,
): Promise<BrowserWindow> {
  let state: WindowStateFile = await readWindowState(dataDir);
  const placement = choosePlacement(state, screen.getAllDisplays(), screen.getPrimaryDisplay());
  const window = openMainWindow(BrowserWindow, preloadPath, {
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
  });
  if (placement.maximized) window.maximize();

  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      const bounds = window.getNormalBounds();
      const display = screen.getDisplayMatching(bounds).bounds;
      state = remember(state, display, { ...bounds, maximized: window.isMaximized() });
      writeWindowState(dataDir, state).catch((error: unknown) =>
        logger.warn('could not keep the window placement', { error: String(error) }),
      );
    }, SAVE_DELAY_MS);
  };
  window.on('resize', save);
  window.on('move', save);
  window.on('maximize', save);
  window.on('unmaximize', save);

  const contents = window.webContents;
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => contents.session.addWordToSpellCheckerDictionary(word),
      link: () => sendToWindow(window, 'app-command', { id: 'edit.link' }),
    });
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window });
  });

  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_URL);
  return window;
}
