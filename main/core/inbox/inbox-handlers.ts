import { join } from 'node:path';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import type { Handlers } from '../../../shared/contract';
import { displayTitle } from '../../../shared/inbox/filter';
import { bookmarkPostHtml } from '../../../shared/inbox/bookmark-post';
import type { DomainDeps } from '../core-deps';
import { Digests } from './digest';
import { exportNetscape } from './export-netscape';
import { parseImport } from './importers/detect';
import { Inbox } from './inbox';
import { InboxStore } from './inbox-store';
import { fetchPage } from './metadata/fetch-page';
import { MetadataQueue } from './metadata/metadata-queue';

type InboxHandlers = Pick<
  Handlers,
  | 'inbox-add'
  | 'inbox-list'
  | 'inbox-page'
  | 'inbox-tags'
  | 'inbox-update'
  | 'inbox-archive'
  | 'inbox-delete'
  | 'inbox-restore'
  | 'inbox-refetch'
  | 'inbox-import'
  | 'inbox-export'
  | 'inbox-bookmark-draft'
  | 'digest-preview'
  | 'digest-create'
  | 'digest-last'
>;

export type InboxDeps = Pick<
  DomainDeps,
  'host' | 'dataDir' | 'settings' | 'http' | 'clock' | 'logger' | 'drafts' | 'events' | 'jobs' | 'problems'
>;

/** Links go into the journal in batches this big during an import, so other requests are served between. */
const IMPORT_BATCH = 500;

/** The inbox domain: its store opens in the background; every handler waits for it. */
export function createInbox(deps: InboxDeps): {
  handlers: InboxHandlers;
  opened: Promise<{ inbox: Inbox; store: InboxStore; digests: Digests }>;
  /** Picks up what another process wrote, and tells the views when there was something. */
  refresh(): Promise<void>;
  dispose(): Promise<void>;
} {
  let queue: MetadataQueue | null = null;
  // Links a web page sent, and fetches resumed at start: fetched from the public web only, until Retry.
  const publicOnly = new Set<string>();
  const ready = InboxStore.open(
    join(deps.dataDir, 'inbox'),
    deps.logger,
    () => deps.clock.now(),
    (file) =>
      deps.problems.setAside('The inbox', file, 'the links added since it was last compacted were kept'),
  ).then((store) => {
    const inbox = new Inbox(store, deps.events, deps.clock);
    queue = metadataQueue(deps, inbox, publicOnly);
    // The CLI lives for one command; the app picks up fetches an earlier run left unfinished.
    if (deps.host !== 'cli') {
      const unfinished = [...store.all()]
        .filter((bookmark) => !bookmark.deletedAt && ['pending', 'fetching'].includes(bookmark.fetch.state))
        .map((bookmark) => bookmark.id);
      for (const id of unfinished) publicOnly.add(id);
      if (unfinished.length) void queue.enqueue(unfinished);
    }
    return { inbox, store, digests: new Digests(inbox, deps.settings, deps.drafts, () => deps.clock.now()) };
  });
  ready.catch((error: unknown) =>
    deps.logger.error('the inbox could not be opened', { message: String(error) }),
  );
  const fetchNow = () => queue!;

  return {
    /** The inbox once open, and its digests: what digest schedules draft from. */
    opened: ready,
    refresh: async () => {
      const { store } = await ready;
      const before = store.version;
      await store.refresh();
      if (store.version !== before)
        deps.events.emit('inbox-changed', { upserted: [], removed: [], reload: true });
    },
    dispose: async () => {
      queue?.dispose();
      await ready.catch(() => undefined);
    },
    handlers: {
      'inbox-add': async ({ links, awaitMetadata, from }) => {
        const { inbox } = await ready;
        const result = await inbox.add(links, { fetch: true });
        const toFetch = result.bookmarks.filter((b) => b.fetch.state === 'pending').map((b) => b.id);
        if (from === 'web-page') for (const id of toFetch) publicOnly.add(id);
        const fetched = fetchNow().enqueue(toFetch);
        if (!awaitMetadata) return result;
        await fetched;
        return {
          ...result,
          bookmarks: result.bookmarks.map((bookmark) => inbox.store.get(bookmark.id) ?? bookmark),
        };
      },
      'inbox-list': async (filter) => (await ready).inbox.list(filter),
      'inbox-page': async ({ offset, limit, ...filter }) => (await ready).inbox.page(filter, offset, limit),
      'inbox-tags': async () => (await ready).inbox.tags(),
      'inbox-update': async ({ id, patch }) => (await ready).inbox.update(id, patch),
      'inbox-archive': async ({ ids, archived }) => (await ready).inbox.archive(ids, archived),
      'inbox-delete': async ({ ids }) => (await ready).inbox.remove(ids),
      'inbox-restore': async ({ ids }) => (await ready).inbox.restore(ids),
      'inbox-refetch': async ({ ids, wait }) => {
        const { inbox } = await ready;
        const marked = await Promise.all(
          ids.map((id) => {
            inbox.get(id);
            return inbox.setFetchState(id, { state: 'pending', message: null, at: null });
          }),
        );
        // Retry is the author's choice: it may reach this computer or the LAN.
        for (const id of ids) publicOnly.delete(id);
        const fetched = fetchNow().enqueue(ids);
        if (wait) await fetched;
        return wait ? ids.map((id) => inbox.get(id)) : marked.filter((bookmark) => bookmark !== null);
      },
      'inbox-import': async ({ filename, content }, context) =>
        importLinks(deps, (await ready).inbox, filename, content, context.signal),
      'inbox-export': async () => {
        const { inbox } = await ready;
        const links = await inbox.list({ archived: 'all' });
        const day = deps.clock.now().toISOString().slice(0, 10);
        return {
          filename: `postwright-bookmarks-${day}.html`,
          content: exportNetscape(links),
          count: links.length,
        };
      },
      'inbox-bookmark-draft': async ({ id }) => {
        const { inbox } = await ready;
        const bookmark = inbox.get(id);
        const draft = await deps.drafts.create({
          title: displayTitle(bookmark),
          html: bookmarkPostHtml(bookmark),
        });
        await inbox.markUsed([id], draft.id);
        return { draftId: draft.id, title: draft.title };
      },
      'digest-preview': async (request) => (await ready).digests.preview(request),
      'digest-create': async (request) => (await ready).digests.create(request),
      'digest-last': async () => {
        const { store } = await ready;
        await store.refresh();
        return store.lastDigest;
      },
    },
  };
}

/**
 * Fetches each link's title and summary, one job per link, recording on the link how it went. A link
 * in `publicOnly` is fetched from the public web only, once.
 */
function metadataQueue(deps: InboxDeps, inbox: Inbox, publicOnly: Set<string>): MetadataQueue {
  return new MetadataQueue({
    jobs: deps.jobs,
    fetch: (url, signal, id) =>
      fetchPage(deps.http, url, signal, undefined, { publicOnly: publicOnly.has(id) }).finally(() =>
        publicOnly.delete(id),
      ),
    urlOf: (id) => inbox.store.get(id)?.url ?? null,
    started: async (id) => {
      await inbox.setFetchState(id, { state: 'fetching', message: null, at: null });
    },
    finished: async (id, page) => {
      const at = deps.clock.now().toISOString();
      await inbox.setFetchState(id, { state: 'done', message: page.note, at }, page.metadata);
    },
    failed: async (id, reason) => {
      await inbox.setFetchState(id, {
        state: 'failed',
        message: reason,
        at: deps.clock.now().toISOString(),
      });
    },
    progress: (state) => deps.events.emit('inbox-metadata', state),
  });
}

/**
 * Adds a bookmark file's links in batches (other requests are served between), as a job that shows
 * its progress and can be stopped; what could not be added is listed, never lost silently.
 */
async function importLinks(
  deps: InboxDeps,
  inbox: Inbox,
  filename: string,
  content: string,
  signal: AbortSignal,
) {
  const parsed = parseImport(content, filename);
  const job = deps.jobs.start(`Importing ${filename}`, parsed.links.length);
  const result = {
    format: parsed.format,
    added: 0,
    merged: 0,
    skipped: [] as { url: string; reason: string }[],
  };
  if (parsed.unreadable) {
    result.skipped.push({
      url: '',
      reason: `${parsed.unreadable} entries were not links and were left out.`,
    });
  }
  try {
    for (let at = 0; at < parsed.links.length; at += IMPORT_BATCH) {
      if (job.signal.aborted || signal.aborted) break;
      const batch = await inbox.add(parsed.links.slice(at, at + IMPORT_BATCH), {
        fetch: false,
        quiet: true,
      });
      result.added += batch.added;
      result.merged += batch.merged;
      result.skipped.push(...batch.rejected);
      job.progress(Math.min(parsed.links.length, at + IMPORT_BATCH));
      await yieldToEvents();
    }
    if (job.signal.aborted) job.fail(`Stopped after ${result.added + result.merged} links.`);
    else job.finish(`${result.added} added, ${result.merged} merged`);
  } catch (error) {
    job.fail(error instanceof Error ? error.message : String(error));
    throw error;
  } finally {
    deps.events.emit('inbox-changed', { upserted: [], removed: [], reload: true });
  }
  return result;
}
