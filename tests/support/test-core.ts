import Conf from 'conf';
import { createCore, type Core } from '../../main/core/create-core';
import type { Clock } from '../../main/core/platform/clock';
import { createHttpClient, type HttpClient } from '../../main/core/platform/http';
import { silentLogger } from '../../main/core/platform/logger';
import { FileSecretStore } from '../../main/core/secrets/file-secret-store';
import { ConfSettingsStore } from '../../main/core/settings/conf-settings-store';

/** A real core over a real data folder, as the browser host builds it; the clock can be moved, the HTTP client replaced. */
export function createTestCore(
  dataDir: string,
  clock: Clock = { now: () => new Date() },
  http: HttpClient = createHttpClient('Postwright-test'),
): Core {
  return createCore({
    host: 'cli',
    version: '0.0.0-test',
    dataDir,
    settings: new ConfSettingsStore(
      new Conf({ cwd: dataDir, configName: 'settings', projectName: 'postwright' }),
    ),
    secrets: new FileSecretStore(dataDir),
    http,
    clock,
    logger: silentLogger,
  });
}
