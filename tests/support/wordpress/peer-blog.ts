import type { coreCaller } from '../core-call';
import type { WordPressPeer } from './wordpress-peer';

/**
 * Adds the WordPress peer's blog as an author would (its real endpoint, checked on the way in), then
 * sends every later XML-RPC call through `proxyUrl`: the proxy decides what the network does to them.
 */
export async function addPeerBlogBehindProxy(
  call: ReturnType<typeof coreCaller>,
  wp: WordPressPeer,
  proxyUrl: string,
) {
  const blog = await call('blogs-add', {
    protocol: 'metaweblog',
    homeUrl: wp.WP_URL,
    endpoint: wp.WP_ENDPOINT,
    remoteBlogId: wp.WP_BLOG_ID,
    username: wp.WP_USER,
    password: wp.WP_PASSWORD,
  });
  await call('blogs-update', { id: blog.id, patch: { endpoint: `${proxyUrl}/xmlrpc.php` } });
  return blog;
}
