import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { WebContents, WebFrameMain } from 'electron';
import { hardenWebContents, mainWindowOptions } from '../../main/electron/window';
import { isTrustedFrame, registerCoreIpc } from '../../main/electron/core-ipc';
import { addBookmarkLink } from '../../main/electron/bookmark-links';
import { createStreamLogger, silentLogger } from '../../main/core/platform/logger';
import { createRouter } from '../../main/core/rpc/router';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

// Electron's binary cannot run here, so the window's settings and handlers are checked against
// fakes with Electron's own types.
const tempDir = useTempDir();

class FakeContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
}

function navigate(contents: FakeContents, event: string, url: string) {
  const prevented = { value: false };
  contents.emit(event, { preventDefault: () => (prevented.value = true) }, url);
  return prevented.value;
}

describe('the desktop window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    const prefs = mainWindowOptions('/app/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('denies new windows and opens only http(s) links in the system browser', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContents, (url) => opened.push(url));
    expect(contents.windowOpenHandler!({ url: 'https://example.org/post' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/post']);
  });

  it('refuses navigation away from the app', () => {
    const contents = new FakeContents();
    const opened: string[] = [];
    hardenWebContents(contents as unknown as WebContents, (url) => opened.push(url));
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'app://postwright/index.html')).toBe(false);
    expect(navigate(contents, 'will-redirect', 'http://127.0.0.1:9/')).toBe(true);
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true);
    expect(opened).toEqual(['https://evil.example/']);
  });
});

describe('the IPC transport', () => {
  const frame = (url: string, parent: unknown = null) => ({ url, parent }) as unknown as WebFrameMain;

  it('trusts only the app page, top-level', () => {
    expect(isTrustedFrame(frame('app://postwright/index.html'))).toBe(true);
    expect(isTrustedFrame(frame('https://evil.example/'))).toBe(false);
    expect(isTrustedFrame(frame('app://postwright/index.html', {}))).toBe(false);
    expect(isTrustedFrame(null)).toBe(false);
  });

  it('routes calls from the app, refuses other frames and unknown methods', async () => {
    let handler: ((event: unknown, request: unknown) => unknown) | undefined;
    const ipcMain = { handle: vi.fn((_channel, fn) => (handler = fn)), removeHandler: vi.fn() };
    const core = createTestCore(tempDir());
    const stop = registerCoreIpc(ipcMain as never, core, () => [], silentLogger);
    expect(ipcMain.handle).toHaveBeenCalledWith('core:invoke', expect.any(Function));

    const fromApp = { senderFrame: frame('app://postwright/index.html') };
    expect(await handler!(fromApp, { id: 1, method: 'settings-get', args: {} })).toMatchObject({
      id: 1,
      ok: true,
    });
    expect(await handler!(fromApp, { id: 2, method: 'shell-exec', args: {} })).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' },
    });
    const fromElsewhere = { senderFrame: frame('https://evil.example/') };
    expect(await handler!(fromElsewhere, { id: 3, method: 'settings-get', args: {} })).toMatchObject({
      ok: false,
    });
    stop();
    expect(ipcMain.removeHandler).toHaveBeenCalledWith('core:invoke');
  });
});

describe('bookmarklet links', () => {
  it('reach the inbox through the router, which refuses what a window could not send either', async () => {
    const core = createTestCore(tempDir());
    const lines: string[] = [];
    const logger = createStreamLogger('warn', (line) => lines.push(line));
    const router = createRouter(core.handlers, logger);

    await addBookmarkLink(router, { url: 'https://example.com/a', title: 'A page' }, logger);
    await addBookmarkLink(router, { url: `https://example.com/${'a'.repeat(9000)}` }, logger);

    const links = await router.call('inbox-list', {}, { signal: new AbortController().signal });
    expect(links.map((link) => [link.url, link.title])).toEqual([['https://example.com/a', 'A page']]);
    expect(lines.join('')).toMatch(/a bookmarklet link was not added.*must be at most 8192 characters long/);
    await core.dispose();
  });
});
