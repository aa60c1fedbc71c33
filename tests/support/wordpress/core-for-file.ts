import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Core } from '../../../main/core/create-core';
import { createTestCore } from '../test-core';
import { startForwardingProxy } from './forwarding-proxy';

type Proxy = Awaited<ReturnType<typeof startForwardingProxy>>;

/**
 * One test core on its own data folder for all the tests of a file, made before the first and
 * removed after the last. With `proxy`, also a forwarding proxy to the test WordPress (`target`)
 * whose `decide` says what the network does with each call. Read the fields in a test, not before:
 * they are filled in `beforeAll`.
 */
export function useCoreForFile(
  prefix: string,
  proxy?: { target: string; decide: Parameters<typeof startForwardingProxy>[1] },
) {
  const shared = {} as { dataDir: string; core: Core; proxy: Proxy };
  beforeAll(async () => {
    shared.dataDir = mkdtempSync(join(tmpdir(), prefix));
    shared.core = createTestCore(shared.dataDir);
    if (proxy) shared.proxy = await startForwardingProxy(proxy.target, proxy.decide);
  });
  // The hook above may not have run (no test WordPress): clean up only what exists.
  afterAll(async () => {
    await shared.core?.dispose();
    await shared.proxy?.close();
    if (shared.dataDir) rmSync(shared.dataDir, { recursive: true, force: true });
  });
  return shared;
}
