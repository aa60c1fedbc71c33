import type { Handlers } from '../../shared/contract';
import type { HostKind } from '../../shared/model/app-info';
import { appHandlers } from './app/app-handlers';
import { EventBus } from './events/event-bus';
import { JobTracker } from './jobs/job-tracker';
import type { Clock } from './platform/clock';
import type { HttpClient } from './platform/http';
import type { Logger } from './platform/logger';
import type { SecretStore } from './secrets/secret-store';
import type { SettingsStore } from './settings/settings-store';

export interface CoreDeps {
  host: HostKind;
  version: string;
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
}

export interface Core {
  readonly handlers: Handlers;
  readonly events: EventBus;
  dispose(): Promise<void>;
}

/** The only way into business logic: every host builds its adapters and passes them in here. */
export function createCore(deps: CoreDeps): Core {
  const events = new EventBus();
  const jobs = new JobTracker(events);
  const info = {
    name: 'Postwright',
    version: deps.version,
    host: deps.host,
    dataDir: deps.dataDir,
    secretStore: deps.secrets.info,
  };
  const handlers: Handlers = {
    ...appHandlers({ info, settings: deps.settings, jobs, events }),
  };
  return {
    handlers,
    events,
    async dispose() {
      for (const job of jobs.list()) if (job.state === 'running') jobs.cancel(job.id);
    },
  };
}
