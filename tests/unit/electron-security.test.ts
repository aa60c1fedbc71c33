import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Protocol, Session } from 'electron';
import { contentSecurityPolicy } from '../../shared/net/csp';
import { registerAppProtocol } from '../../main/electron/app-protocol';
import { denyAllPermissions } from '../../main/electron/window';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

// Figure R5: what electronegativity checks, asserted directly (Electron's binary cannot run here).
const tempDir = useTempDir();

describe('the desktop app’s Content-Security-Policy', () => {
  const policy = Object.fromEntries(
    contentSecurityPolicy([])
      .split('; ')
      .map((directive) => {
        const [name, ...values] = directive.split(' ');
        return [name!, values];
      }),
  );

  it('runs only the app’s own scripts, and nothing inline or evaluated', () => {
    expect(policy['default-src']).toEqual(["'self'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy([])).not.toMatch(/unsafe-eval|unsafe-hashes|\*|https?:/);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'none'"]);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('is sent with every page of app://, with nosniff and no referrer', async () => {
    const rendererDir = tempDir();
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Postwright</title>');
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol = { handle: (_scheme: string, fn: typeof handler) => (handler = fn) };
    const core = createTestCore(tempDir());
    try {
      registerAppProtocol(protocol as unknown as Protocol, rendererDir, core.images);
      const page = await handler!(new Request('app://postwright/index.html'));
      expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy([]));
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect((await handler!(new Request('app://postwright/../../etc/passwd'))).status).toBe(404);
    } finally {
      await core.dispose();
    }
  });
});

describe('permissions', () => {
  it('answers no to every permission request and check', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]![0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect((session.setPermissionCheckHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
    expect((session.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean)()).toBe(false);
  });

  it('is installed by the desktop app before its window opens', () => {
    const main = readFileSync('main/electron/main.ts', 'utf8');
    expect(main.indexOf('denyAllPermissions(session.defaultSession)')).toBeGreaterThan(0);
    expect(main.indexOf('denyAllPermissions(session.defaultSession)')).toBeLessThan(
      main.indexOf('openAppWindow('),
    );
    expect(main).toContain("app.on('web-contents-created'");
  });
});

describe('fuses in electron-builder.yml', () => {
  /** The `electronFuses:` block, read line by line (key: value). */
  function fuses(): Record<string, string> {
    const lines = readFileSync('electron-builder.yml', 'utf8').split('\n');
    const start = lines.indexOf('electronFuses:');
    expect(start, 'electron-builder.yml has an electronFuses block').toBeGreaterThan(-1);
    const block: Record<string, string> = {};
    for (const line of lines.slice(start + 1)) {
      const match = /^ {2}(\w+): (\S+)$/.exec(line);
      if (!match) break;
      block[match[1]!] = match[2]!;
    }
    return block;
  }

  it('turn off running as Node, NODE_OPTIONS and --inspect, and load the app only from its checked asar', () => {
    expect(fuses()).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
    expect(readFileSync('electron-builder.yml', 'utf8')).toMatch(/^asar: true$/m);
  });
});
