import { Problems } from '../../main/core/app/problems';
import { BlogStore } from '../../main/core/blogs/blog-store';
import type { Core } from '../../main/core/create-core';
import { JobTracker } from '../../main/core/jobs/job-tracker';
import { createHttpClient } from '../../main/core/platform/http';
import type { Clock } from '../../main/core/platform/clock';
import { silentLogger } from '../../main/core/platform/logger';
import { metaweblogCapabilities } from '../../main/core/publish/discovery/capabilities';
import { createPublishing, type PublishingDeps } from '../../main/core/publish/publishing';
import { FileSecretStore } from '../../main/core/secrets/file-secret-store';
import type { OutboxJob } from '../../shared/model/publish';
import { watchOutbox } from './outbox-watch';

/**
 * A second publishing domain over a test core's drafts and events, as the app builds its own, with
 * what a test varies: a short backoff so retries happen in seconds, hostile-server limits, a clock.
 */
export function createTestPublishing(
  core: Core,
  dataDir: string,
  varied: Pick<PublishingDeps, 'backoff'> & Partial<PublishingDeps>,
) {
  return createPublishing({
    host: 'cli',
    dataDir,
    secrets: new FileSecretStore(dataDir),
    http: createHttpClient('Postwright-test'),
    clock: { now: () => new Date() },
    logger: silentLogger,
    drafts: core.drafts,
    events: core.events,
    jobs: new JobTracker(core.events),
    problems: new Problems(core.events, () => new Date()),
    ...varied,
  });
}

/** A MetaWeblog blog written straight to the data folder, with the password 'secret' (no discovery). */
export async function addTestBlog(
  dataDir: string,
  blog: { name: string; homeUrl: string; endpoint: string },
  clock: Clock = { now: () => new Date() },
) {
  return new BlogStore(dataDir, new FileSecretStore(dataDir), clock, silentLogger).add(
    {
      ...blog,
      protocol: 'metaweblog',
      remoteBlogId: '1',
      username: 'author',
      capabilities: metaweblogCapabilities([]),
      micropub: null,
    },
    'secret',
  );
}

/**
 * Publishes a draft through `publishing`'s outbox now, waits (a minute at most) until the outbox's
 * events say the job has settled, then closes `publishing`. Gives the job as it settled.
 */
export async function publishOnceThroughOutbox(
  core: Core,
  publishing: ReturnType<typeof createPublishing>,
  draft: { draftId: string; blogId: string },
): Promise<OutboxJob | undefined> {
  const watching = watchOutbox(core.events);
  const queued = await publishing.outbox.enqueuePublish({ ...draft, options: {} });
  await publishing.outbox.runNow(queued.id);
  const [job] = await watching.settled([queued.id], 60_000);
  watching.stop();
  await publishing.dispose();
  return job;
}
