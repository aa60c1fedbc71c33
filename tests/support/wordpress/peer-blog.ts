import type { CoreCall } from '../core-call';
import type { WordPressPeer } from './wordpress-peer';

/** Adds the WordPress peer's blog as an author would, with its real endpoint checked on the way in. */
export function addPeerBlog(call: CoreCall, wp: WordPressPeer) {
  return call('blogs-add', {
    protocol: 'metaweblog',
    homeUrl: wp.WP_URL,
    endpoint: wp.WP_ENDPOINT,
    remoteBlogId: wp.WP_BLOG_ID,
    username: wp.WP_USER,
    password: wp.WP_PASSWORD,
  });
}

/** The peer's blog with every later XML-RPC call sent through `proxyUrl`, which decides what the network does. */
export async function addPeerBlogBehindProxy(call: CoreCall, wp: WordPressPeer, proxyUrl: string) {
  const blog = await addPeerBlog(call, wp);
  await call('blogs-update', { id: blog.id, patch: { endpoint: `${proxyUrl}/xmlrpc.php` } });
  return blog;
}
