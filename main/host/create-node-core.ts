import type { HostKind } from '../../shared/model/app-info';
import { APP_VERSION } from '../../shared/version';
import { createCore, type Core } from '../core/create-core';
import { systemClock } from '../core/platform/clock';
import { prepareDataDir } from '../core/platform/data-dir';
import { createLazyHttpClient } from '../core/platform/lazy-http';
import type { Logger } from '../core/platform/logger';
import { FileSecretStore } from '../core/secrets/file-secret-store';
import { openNodeSecretStore } from '../core/secrets/keyring-secret-store';
import { LazySecretStore } from '../core/secrets/lazy-secret-store';
import { LazyConfSettingsStore } from '../core/settings/lazy-conf-settings-store';
import { prepareSettingsFile } from '../core/settings/settings-file';

/**
 * The core as the browser host and the CLI build it: conf settings (loaded when used), the system
 * keyring or a 0600 secrets file.
 */
export async function createNodeCore(
  host: Exclude<HostKind, 'electron'>,
  dataDir: string,
  logger: Logger,
): Promise<Core> {
  await prepareDataDir(dataDir);
  // conf throws on a settings file it cannot parse: set such a file aside first, so the app starts.
  const earlyProblems = await prepareSettingsFile(dataDir, systemClock.now());
  return createCore({
    host,
    version: APP_VERSION,
    dataDir,
    settings: new LazyConfSettingsStore(dataDir),
    // POSTWRIGHT_SECRETS=file keeps scripts and test runs out of the author's own keyring.
    secrets:
      process.env.POSTWRIGHT_SECRETS === 'file'
        ? new FileSecretStore(dataDir)
        : new LazySecretStore(() => openNodeSecretStore(dataDir)),
    http: createLazyHttpClient(`Postwright/${APP_VERSION}`),
    clock: systemClock,
    logger,
    earlyProblems,
  });
}
