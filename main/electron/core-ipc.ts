import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import type { Core } from '../core/create-core';
import type { Logger } from '../core/platform/logger';
import { createRouter } from '../core/rpc/router';
import { isAppUrl } from './window';

export const INVOKE_CHANNEL = 'core:invoke';
export const EVENT_CHANNEL = 'core:event';

/** Only the app's own top-level page may call the core; an embedded or foreign frame is refused. */
export function isTrustedFrame(frame: WebFrameMain | null | undefined): boolean {
  return !!frame && frame.parent === null && isAppUrl(frame.url);
}

/**
 * The Electron transport: requests arrive on `core:invoke`, go through the shared router (which
 * checks the method and its arguments) and the reply returns as the invoke's result; push events
 * go to every app window on `core:event`. Returns the cleanup.
 */
export function registerCoreIpc(
  ipcMain: IpcMain,
  core: Core,
  windows: () => WebContents[],
  logger: Logger,
): () => void {
  const router = createRouter(core.handlers, logger);
  ipcMain.handle(INVOKE_CHANNEL, (event, request: unknown) => {
    if (!isTrustedFrame(event.senderFrame)) {
      logger.warn('refused an IPC call from an untrusted frame', { url: event.senderFrame?.url });
      return {
        id: null,
        ok: false,
        error: { code: 'bad-message', message: 'This frame may not call Postwright.' },
      };
    }
    return router.handle(request, { signal: new AbortController().signal });
  });
  const stopEvents = core.events.onAny((event, payload) => {
    for (const contents of windows())
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event, payload });
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    stopEvents();
  };
}
