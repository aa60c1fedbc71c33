import type { Handlers } from '../../shared/contract';
import type { CoreDeps } from './core-deps';
import { appHandlers } from './app/app-handlers';
import { calendarHandlers } from './calendar/calendar-handlers';
import { DraftLibrary } from './drafts/draft-library';
import type { DraftStore } from './drafts/draft-store';
import { draftsHandlers } from './drafts/drafts-handlers';
import { EventBus } from './events/event-bus';
import { JobTracker } from './jobs/job-tracker';
import { createPublishing } from './publish/publishing';
import { createInbox } from './inbox/inbox-handlers';
import { BlogStore } from './blogs/blog-store';
import { desktopHandlers } from './desktop/desktop-handlers';
import { inlineAssetImages } from './drafts/draft-assets';

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
  // Other domains receive `drafts` as their DraftStore (publishing, the outbox, digests, the calendar).
  const drafts = new DraftLibrary({
    dataDir: deps.dataDir,
    clock: deps.clock,
    logger: deps.logger,
    events,
    listBeforeCheck: deps.host !== 'cli',
  });
  const publishing = createPublishing({ ...deps, drafts, events, jobs });
  const inbox = createInbox({ ...deps, drafts, events, jobs });
  const info = {
    name: 'Postwright',
    version: deps.version,
    host: deps.host,
    dataDir: deps.dataDir,
    secretStore: deps.secrets.info,
  };
  const handlers: Handlers = {
    ...appHandlers({ info, settings: deps.settings, jobs, events }),
    ...draftsHandlers({ library: drafts }),
    ...calendarHandlers({ ...deps, drafts, events }),
    ...publishing.handlers,
    ...inbox.handlers,
    ...desktopHandlers({
      ...deps,
      blog: (id) => new BlogStore(deps.dataDir, deps.secrets, deps.clock, deps.logger).get(id),
      inlineImages: (id, html) => inlineAssetImages(drafts.paths, id, html),
    }),
  };
  return {
    handlers,
    events,
    drafts,
    async dispose() {
      for (const job of jobs.list()) if (job.state === 'running') jobs.cancel(job.id);
      await publishing.dispose();
      await inbox.dispose();
      await drafts.close();
    },
  };
}
