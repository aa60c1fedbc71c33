import { join } from 'node:path';
import type { CoreEvents, Handlers } from '../../shared/contract';
import {
  archiveMethodNames,
  blogsMethodNames,
  cadenceMethodNames,
  calendarMethodNames,
  desktopMethodNames,
  draftsMethodNames,
  inboxMethodNames,
  micropubMethodNames,
  postTemplatesMethodNames,
  publishMethodNames,
} from '../../shared/contract/method-names';
import { archiveImageFile } from './archive/archive-image-file';
import { CallPause } from './call-pause';
import type { CoreDeps } from './core-deps';
import { appHandlers } from './app/app-handlers';
import { Problems } from './app/problems';
import type { LocalImages } from './drafts/asset-response';
import type { DraftLibrary } from './drafts/draft-library';
import type { DraftStore } from './drafts/draft-store';
import { LazyDraftStore } from './drafts/lazy-draft-store';
import { EventBus } from './events/event-bus';
import { StoreSignals } from './fs/store-signals';
import { JobTracker } from './jobs/job-tracker';
import { lazyDomain as domainStartingOnFirstCall } from './lazy-domain';

export type { CoreDeps };

/** Keystrokes come 100–300 ms apart: a longer gap is a pause. */
const WARM_UP_QUIET_MS = 400;
/** An author typing without a pause delays the outbox's resuming by this much at most. */
const WARM_UP_WAIT_AT_MOST_MS = 2_000;

export interface Core {
  readonly handlers: Handlers;
  readonly events: EventBus;
  /** The drafts library, for the hosts that serve draft images (`assetFile`). */
  readonly drafts: DraftStore;
  /** The images the hosts serve from disk: the drafts' own and those a pull kept in the archive. */
  readonly images: LocalImages;
  /**
   * Starts every domain, for a long-lived app once it is up: the drafts at once, the others each
   * after a pause in the author's calls (see call-pause.ts). The outbox resumes, unfinished link
   * fetches go on, and every store is read once, so a file it must set aside is reported. Without
   * it (the CLI) each domain starts on its first call.
   */
  startAll(): void;
  /** Run by the app's hosts (not the CLI): the digest schedules, at start and when a period closes. */
  startDigestCadence(): () => void;
  dispose(): Promise<void>;
}

/**
 * The only way into business logic: every host builds its adapters and passes them in here. Each
 * domain (its modules and their parsers included) loads and starts on its first call, so a
 * command pays only for what it uses: `drafts list` never loads publishing or the calendar.
 * Long because it is the composition root: each domain is wired here once, in one place, in the
 * order its neighbours need, and every line is one domain, handler set or change signal.
 */
export function createCore(deps: CoreDeps): Core {
  const events = new EventBus();
  const jobs = new JobTracker(events);
  const problems = new Problems(events, () => deps.clock.now());
  for (const early of deps.earlyProblems ?? []) problems.setAside(early.what, early.file, early.then);
  reportSetAsideFiles(events, problems);
  // Other domains receive `drafts` as their DraftStore (publishing, the outbox, digests, the calendar).
  const drafts = new LazyDraftStore(deps.dataDir, async () => {
    const { DraftLibrary } = await import('./drafts/draft-library');
    return new DraftLibrary({
      dataDir: deps.dataDir,
      clock: deps.clock,
      logger: deps.logger,
      events,
      listBeforeCheck: deps.host !== 'cli',
    });
  });
  const domainDeps = { ...deps, drafts, events, jobs, problems };
  // Domains read settings: a store that loads its schemas lazily (off the host's start) loads first.
  const lazyDomain: typeof domainStartingOnFirstCall = (methods, load) =>
    domainStartingOnFirstCall(methods, async () => {
      await deps.settings.load?.();
      return load();
    });
  const draftsDomain = lazyDomain(draftsMethodNames, async () => {
    const [{ draftsHandlers }, library] = await Promise.all([
      import('./drafts/drafts-handlers'),
      drafts.library() as Promise<DraftLibrary>,
    ]);
    return { handlers: draftsHandlers({ library, settings: deps.settings }) };
  });
  const calendar = lazyDomain(calendarMethodNames, async () => {
    const { calendarHandlers } = await import('./calendar/calendar-handlers');
    return { handlers: calendarHandlers(domainDeps) };
  });
  const publishing = lazyDomain(
    [...blogsMethodNames, ...publishMethodNames, ...micropubMethodNames],
    async () => (await import('./publish/publishing')).createPublishing(domainDeps),
  );
  const inbox = lazyDomain(inboxMethodNames, async () =>
    (await import('./inbox/inbox-handlers')).createInbox(domainDeps),
  );
  const cadence = lazyDomain(cadenceMethodNames, async () =>
    (await import('./cadence/cadence-handlers')).createCadence({
      ...domainDeps,
      inbox: async () => (await inbox.start()).opened,
      blogExists: async (id) =>
        (await (await publishing.start()).blogs.list()).some((blog) => blog.id === id),
    }),
  );
  const archive = lazyDomain(archiveMethodNames, async () => {
    const [{ createArchive }, { savedBlogClient }, started] = await Promise.all([
      import('./archive/archive-handlers'),
      import('./publish/metaweblog/saved-blog-client'),
      publishing.start(),
    ]);
    return createArchive({
      ...domainDeps,
      blog: (id) => started.blogs.get(id),
      metaweblog: (blog, signal) => savedBlogClient({ http: deps.http, blogs: started.blogs }, blog, signal),
      micropub: (blog, signal, work) => started.micropub.run(blog, signal, work),
      pullPost: async (blogId, postId, context) =>
        started.handlers['posts-pull']({ blogId, postId }, context),
    });
  });
  const postTemplates = lazyDomain(postTemplatesMethodNames, async () =>
    (await import('./templates/post-templates-handlers')).createPostTemplates(domainDeps),
  );
  let stopCadence: (() => void) | null = null;
  /** The domains started one after another once a host is up (see startAll). */
  let startingAll: Promise<void> | null = null;
  const desktop = lazyDomain(desktopMethodNames, async () => {
    const [{ desktopHandlers }, { inlineAssetImages }] = await Promise.all([
      import('./desktop/desktop-handlers'),
      import('./drafts/draft-assets'),
    ]);
    return {
      handlers: desktopHandlers({
        ...deps,
        blog: async (id) => (await publishing.start()).blogs.get(id),
        inlineImages: (id, html) => inlineAssetImages(drafts.paths, id, html),
      }),
    };
  });
  // A domain not started yet has shown nothing, so it has nothing to update.
  const signals = followOtherProcesses(deps, {
    draft: async (id) => (await drafts.started())?.changedElsewhere(id),
    calendar: () => events.emit('events-changed', { ids: [] }),
    inbox: () => inbox.started()?.refresh(),
    outbox: (id) => publishing.started()?.outbox.changedElsewhere(id),
    blogs: async () => {
      const started = publishing.started();
      if (started) events.emit('blogs-changed', await started.blogs.list());
    },
    settings: async () => {
      await deps.settings.load?.();
      events.emit('settings-changed', deps.settings.get());
    },
    cadence: () => cadence.started()?.changedElsewhere(),
    postTemplates: () => postTemplates.started()?.changedElsewhere(),
  });
  const handlers = {
    ...appHandlers({ info: () => coreInfo(deps), settings: deps.settings, jobs, events, problems }),
    ...draftsDomain.handlers,
    ...calendar.handlers,
    ...publishing.handlers,
    ...inbox.handlers,
    ...cadence.handlers,
    ...desktop.handlers,
    ...archive.handlers,
    ...postTemplates.handlers,
  } as Handlers;
  const signal = new AbortController().signal;
  const calls = new CallPause();
  return {
    handlers: calls.watch(handlers),
    events,
    drafts,
    images: { drafts, archiveFile: (path) => archiveImageFile(join(deps.dataDir, 'archive'), path) },
    startAll() {
      // One after another, the drafts (the app's first screen) first and checked against their
      // folders: the app's first list and search do not share the CPU with every domain loading
      // at once (a first search at 10,000 drafts took 350–540 ms beside them, 70 ms alone).
      startingAll ??= (async () => {
        const quietly = (work: Promise<unknown>) => work.catch(() => undefined);
        await quietly(
          draftsDomain
            .start()
            .then(() => drafts.library())
            .then((library) => library.ready),
        );
        // The rest waits for a pause in the author's calls: the first search is typed just then.
        const pause = () => calls.pause(WARM_UP_QUIET_MS, WARM_UP_WAIT_AT_MOST_MS);
        for (const domain of [publishing, inbox]) await pause().then(() => quietly(domain.start()));
        // Reading the calendar once reports a file it must set aside.
        await pause().then(() => quietly(Promise.resolve(handlers['events-list']({}, { signal }))));
        // The contract's schemas, built and compiled, so a window's first calls answer at once.
        await pause().then(() =>
          quietly(
            import('../../shared/contract/method-specs').then((specs) =>
              specs.prepareAllSpecs(() => new Promise((resolve) => setImmediate(resolve))),
            ),
          ),
        );
      })();
    },
    startDigestCadence() {
      let stopped = false;
      void (startingAll ?? Promise.resolve())
        .then(() => cadence.start())
        .then(
          (started) => {
            if (!stopped) stopCadence ??= started.start();
          },
          (error: unknown) =>
            deps.logger.error('the digest schedules could not start', { message: String(error) }),
        );
      return () => {
        stopped = true;
        stopCadence?.();
        stopCadence = null;
      };
    },
    async dispose() {
      stopCadence?.();
      signals?.close();
      for (const job of jobs.list()) if (job.state === 'running') jobs.cancel(job.id);
      await (await publishing.settled())?.dispose();
      await (await inbox.settled())?.dispose();
      (await archive.settled())?.dispose();
      await (await drafts.started())?.close();
    },
  };
}

/** A store that set a damaged file aside says so through the problems list the renderer reads. */
function reportSetAsideFiles(events: EventBus, problems: Problems): void {
  events.onAny((event, payload) => {
    if (event === 'drafts-quarantined') {
      for (const file of (payload as CoreEvents['drafts-quarantined']).files) {
        if (file.endsWith('index.sqlite'))
          problems.setAside('The drafts index', file, 'it was rebuilt from your drafts');
        else problems.setAside('A draft', file, 'the rest of your drafts are fine');
      }
    } else if (event === 'calendar-quarantined') {
      const { file } = payload as CoreEvents['calendar-quarantined'];
      problems.setAside('The calendar', file, 'the calendar started empty');
    }
  });
}

async function coreInfo(deps: CoreDeps) {
  return {
    name: 'Postwright',
    version: deps.version,
    host: deps.host,
    dataDir: deps.dataDir,
    secretStore: await deps.secrets.info,
  };
}

/**
 * A long-lived app shows what other processes (the CLI) change, within a second; the CLI watches
 * nothing. Each store that changed elsewhere is told so, a draft and an outbox job by their id.
 */
function followOtherProcesses(
  deps: CoreDeps,
  changed: Record<
    'calendar' | 'inbox' | 'blogs' | 'settings' | 'cadence' | 'postTemplates',
    () => void | Promise<void>
  > &
    Record<'draft' | 'outbox', (id: string) => void | Promise<void>>,
): StoreSignals | null {
  if (deps.host === 'cli') return null;
  const signals = new StoreSignals(deps.dataDir, deps.logger);
  signals.on('draft-', (name) => changed.draft(name.slice('draft-'.length)));
  signals.on('calendar', changed.calendar);
  signals.on('inbox', changed.inbox);
  signals.on('outbox-', (name) => changed.outbox(name.slice('outbox-'.length)));
  signals.on('blogs', changed.blogs);
  signals.on('settings', changed.settings);
  signals.on('cadence', changed.cadence);
  signals.on('post-templates', changed.postTemplates);
  return signals;
}
