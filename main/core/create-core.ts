import type { CoreEvents, Handlers } from '../../shared/contract';
import type { CoreDeps } from './core-deps';
import { appHandlers } from './app/app-handlers';
import { Problems } from './app/problems';
import { calendarHandlers } from './calendar/calendar-handlers';
import { DraftLibrary } from './drafts/draft-library';
import type { DraftStore } from './drafts/draft-store';
import { draftsHandlers } from './drafts/drafts-handlers';
import { EventBus } from './events/event-bus';
import { StoreSignals } from './fs/store-signals';
import { JobTracker } from './jobs/job-tracker';
import { createPublishing } from './publish/publishing';
import { createInbox } from './inbox/inbox-handlers';

export type { CoreDeps };

export interface Core {
  readonly handlers: Handlers;
  readonly events: EventBus;
  /** The drafts library, for the hosts that serve draft images (`assetFile`). */
  readonly drafts: DraftStore;
  dispose(): Promise<void>;
}

/** The only way into business logic: every host builds its adapters and passes them in here. */
export function createCore(deps: CoreDeps): Core {
  const events = new EventBus();
  const jobs = new JobTracker(events);
  const problems = new Problems(events, () => deps.clock.now());
  for (const early of deps.earlyProblems ?? []) problems.setAside(early.what, early.file, early.then);
  events.onAny((event, payload) => {
    if (event === 'drafts-quarantined') {
      for (const file of (payload as CoreEvents['drafts-quarantined']).files) {
        if (file.endsWith('index.json'))
          problems.setAside('The drafts index', file, 'it was rebuilt from your drafts');
        else problems.setAside('A draft', file, 'the rest of your drafts are fine');
      }
    } else if (event === 'calendar-quarantined') {
      const { file } = payload as CoreEvents['calendar-quarantined'];
      problems.setAside('The calendar', file, 'the calendar started empty');
    }
  });
  // Other domains receive `drafts` as their DraftStore (publishing, the outbox, digests, the calendar).
  const drafts = new DraftLibrary({
    dataDir: deps.dataDir,
    clock: deps.clock,
    logger: deps.logger,
    events,
    listBeforeCheck: deps.host !== 'cli',
  });
  const publishing = createPublishing({ ...deps, drafts, events, jobs, problems });
  const inbox = createInbox({ ...deps, drafts, events, jobs, problems });
  const info = {
    name: 'Postwright',
    version: deps.version,
    host: deps.host,
    dataDir: deps.dataDir,
    secretStore: deps.secrets.info,
  };
  // A long-lived app shows what other processes (the CLI) change, within a second.
  const signals = deps.host === 'cli' ? null : new StoreSignals(deps.dataDir, deps.logger);
  signals?.on('draft-', (name) => drafts.changedElsewhere(name.slice('draft-'.length)));
  signals?.on('calendar', () => events.emit('events-changed', { ids: [] }));
  signals?.on('inbox', () => inbox.refresh());
  signals?.on('outbox-', (name) => publishing.outbox.changedElsewhere(name.slice('outbox-'.length)));
  signals?.on('blogs', async () => events.emit('blogs-changed', await publishing.blogs.list()));
  signals?.on('settings', () => events.emit('settings-changed', deps.settings.get()));
  const handlers: Handlers = {
    ...appHandlers({ info, settings: deps.settings, jobs, events, problems }),
    ...draftsHandlers({ library: drafts }),
    ...calendarHandlers({ ...deps, drafts, events }),
    ...publishing.handlers,
    ...inbox.handlers,
  };
  if (signals) {
    // The app reads every store once at start, so a file it must set aside is reported at once.
    void Promise.resolve(handlers['events-list']({}, { signal: new AbortController().signal })).catch(
      () => undefined,
    );
  }
  return {
    handlers,
    events,
    drafts,
    async dispose() {
      signals?.close();
      for (const job of jobs.list()) if (job.state === 'running') jobs.cancel(job.id);
      await publishing.dispose();
      await inbox.dispose();
      await drafts.close();
    },
  };
}
