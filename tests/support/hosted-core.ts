import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { silentLogger } from '../../main/core/platform/logger';
import { startBrowserHost, type RunningBrowserHost } from '../../main/host/browser-host';
import { createTestCore } from './test-core';

/**
 * A test core and the browser host in front of it, both closed after each test. `openCore` makes
 * the core on a data folder; `serve` starts the host over it on a free port, with a stand-in page
 * (an index.html and an empty assets folder in `rendererDir`) where the built renderer would be.
 */
export function useHostedCore() {
  let host: RunningBrowserHost | undefined;
  let core: Core | undefined;
  afterEach(async () => {
    await host?.close();
    await core?.dispose();
    host = undefined;
    core = undefined;
  });
  return {
    openCore: (dataDir: string) => (core = createTestCore(dataDir)),
    serve: async (over: Core, rendererDir: string) => {
      mkdirSync(join(rendererDir, 'assets'));
      writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Postwright</title>');
      return (host = await startBrowserHost({ core: over, port: 0, rendererDir, logger: silentLogger }));
    },
  };
}
