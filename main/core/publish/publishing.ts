import type { DomainDeps } from '../core-deps';
import { BlogStore } from '../blogs/blog-store';
import type { BackoffPolicy } from '../outbox/backoff';
import { OutboxJournal } from '../outbox/journal';
import { Outbox, type Timers } from '../outbox/outbox';
import { blogsHandlers } from './blogs-handlers';
import { publishHandlers } from './publish-handlers';
import { createPublishers } from './publishers';
import type { XmlRpcLimits } from './xmlrpc/call';
import { MicropubTokenStore } from './indieauth/token-store';
import { MicropubAccess } from './micropub/micropub-access';
import { addMicropubBlog, micropubHandlers, testMicropubBlog } from './micropub/micropub-handlers';
import { PostAddresses } from './micropub/post-addresses';
import { MediaMemory } from './media-memory';

export interface PublishingDeps extends Pick<
  DomainDeps,
  'host' | 'dataDir' | 'secrets' | 'http' | 'clock' | 'logger' | 'drafts' | 'events' | 'jobs' | 'problems'
> {
  backoff?: BackoffPolicy;
  /** The outbox's timer (tests count and fire it). */
  timers?: Timers;
  xmlrpcLimits?: Partial<XmlRpcLimits>;
}

/**
 * Blogs, the publishers and the outbox, built once for the core. The app hosts resume the outbox at
 * once; the CLI does not, because a command that exits mid-send would only leave work half done:
 * `postwright outbox retry` sends what waits.
 */
export function createPublishing(deps: PublishingDeps) {
  const blogs = new BlogStore(deps.dataDir, deps.secrets, deps.clock, deps.logger, (file) =>
    deps.problems.setAside('Your list of blogs', file, 'add your blogs again, or put the file back'),
  );
  const micropubAccess = new MicropubAccess(
    deps.http,
    new MicropubTokenStore(deps.secrets, deps.http, () => deps.clock.now()),
  );
  const addresses = new PostAddresses(deps.dataDir);
  const media = new MediaMemory(deps.dataDir);
  const micropub = micropubHandlers({
    blogs,
    drafts: deps.drafts,
    addresses,
    access: micropubAccess,
    http: deps.http,
    clock: deps.clock,
    events: deps.events,
    appName: 'Postwright',
  });
  const publishers = createPublishers({
    http: deps.http,
    blogs,
    drafts: deps.drafts,
    clock: deps.clock,
    micropub: micropubAccess,
    addresses,
    media,
    ...(deps.xmlrpcLimits ? { limits: deps.xmlrpcLimits } : {}),
  });
  const outbox = new Outbox({
    journal: new OutboxJournal(deps.dataDir, deps.logger, (file) =>
      deps.problems.setAside('A publish waiting in the outbox', file, 'publish that draft again'),
    ),
    drafts: deps.drafts,
    blogs,
    publishers,
    events: deps.events,
    jobs: deps.jobs,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.backoff ? { backoff: deps.backoff } : {}),
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
  if (deps.host !== 'cli') {
    const { secrets } = deps;
    if (secrets.keys) {
      blogs
        .repair(
          () => secrets.keys!(),
          (key) => secrets.delete(key),
        )
        .catch((error: unknown) =>
          deps.logger.info('secrets of unsaved blogs were not checked', { message: String(error) }),
        );
    }
    outbox
      .resume()
      .catch((error: unknown) =>
        deps.logger.error('the outbox could not resume', { message: String(error) }),
      );
  }
  return {
    blogs,
    outbox,
    micropub: micropubAccess,
    handlers: {
      ...blogsHandlers({
        store: blogs,
        http: deps.http,
        events: deps.events,
        micropub: {
          add: (input, signal) => addMicropubBlog({ blogs, handlers: micropub }, input, signal),
          forget: (blogId) => micropubAccess.tokens.remove(blogId),
          test: (blog, signal) => testMicropubBlog(micropubAccess, blog, signal),
        },
      }),
      ...micropub,
      ...publishHandlers({ outbox, blogs, drafts: deps.drafts, http: deps.http, media, logger: deps.logger }),
    },
    dispose: () => outbox.dispose(),
  };
}
