import type { HostKind } from '../../shared/model/app-info';
import type { Problems } from './app/problems';
import type { DraftStore } from './drafts/draft-store';
import type { EventBus } from './events/event-bus';
import type { JobTracker } from './jobs/job-tracker';
import type { Clock } from './platform/clock';
import type { HttpClient } from './platform/http';
import type { Logger } from './platform/logger';
import type { SecretStore } from './secrets/secret-store';
import type { EarlyProblem } from './settings/settings-file';
import type { SettingsStore } from './settings/settings-store';

/** What a host passes to createCore: its adapters for the platform. */
export interface CoreDeps {
  host: HostKind;
  version: string;
  dataDir: string;
  settings: SettingsStore;
  secrets: SecretStore;
  http: HttpClient;
  clock: Clock;
  logger: Logger;
  /** Data files the host set aside before the core existed (settings.json), to show the author. */
  earlyProblems?: EarlyProblem[];
}

/** What createCore can hand a domain: the host's adapters and the drafts, events and jobs every domain shares. */
export interface DomainDeps extends CoreDeps {
  drafts: DraftStore;
  events: EventBus;
  jobs: JobTracker;
  /** Where stores report a data file they set aside, for the author to see until dismissed. */
  problems: Problems;
}
