import type { Publishers } from '../outbox/publisher';
import { metaweblogPublisher, type MetaweblogPublisherDeps } from './metaweblog/metaweblog-publisher';
import type { MicropubAccess } from './micropub/micropub-access';
import { micropubPublisher } from './micropub/micropub-publisher';
import type { PostAddresses } from './micropub/post-addresses';

/** One publisher per protocol; each protocol adds its line here. */
export function createPublishers(
  deps: MetaweblogPublisherDeps & { micropub: MicropubAccess; addresses: PostAddresses },
): Publishers {
  return {
    metaweblog: metaweblogPublisher(deps),
    micropub: micropubPublisher({
      access: deps.micropub,
      drafts: deps.drafts,
      media: deps.media,
      clock: deps.clock,
      addresses: deps.addresses,
    }),
  };
}
