import { mkdir } from 'node:fs/promises';
import Conf from 'conf';
import type { HostKind } from '../../shared/model/app-info';
import { APP_VERSION } from '../../shared/version';
import { createCore, type Core } from '../core/create-core';
import { systemClock } from '../core/platform/clock';
import { createHttpClient } from '../core/platform/http';
import type { Logger } from '../core/platform/logger';
import { FileSecretStore } from '../core/secrets/file-secret-store';
import { ConfSettingsStore } from '../core/settings/conf-settings-store';
import { prepareSettingsFile } from '../core/settings/settings-file';

/** The core as the browser host and the CLI build it: conf settings and a 0600 secrets file. */
export async function createNodeCore(
  host: Exclude<HostKind, 'electron'>,
  dataDir: string,
  logger: Logger,
): Promise<Core> {
  await mkdir(dataDir, { recursive: true });
  // conf throws on a settings file it cannot parse: set such a file aside first, so the app starts.
  const earlyProblems = await prepareSettingsFile(dataDir, systemClock.now());
  return createCore({
    host,
    version: APP_VERSION,
    dataDir,
    settings: new ConfSettingsStore(
      new Conf({ cwd: dataDir, configName: 'settings', projectName: 'postwright' }),
    ),
    secrets: new FileSecretStore(dataDir),
    http: createHttpClient(`Postwright/${APP_VERSION}`),
    clock: systemClock,
    logger,
    earlyProblems,
  });
}
