import axios from 'axios';
import type { WordPressPeer } from '../wordpress/wordpress-peer';

/** WordPress's REST API with the application password: how the archive tests make and read posts. */
export function wordpressAdmin(wp: WordPressPeer) {
  const client = axios.create({
    baseURL: wp.WP_URL,
    auth: { username: wp.WP_USER, password: wp.WP_APP_PASSWORD },
    validateStatus: () => true,
    timeout: 120_000,
  });
  const call = async <T>(method: 'GET' | 'POST', route: string, body?: unknown, params = {}): Promise<T> => {
    const answer = await client.request<T>({
      method,
      url: '/',
      params: { rest_route: route, ...params },
      data: body,
    });
    if (answer.status >= 400)
      throw new Error(`${method} ${route}: HTTP ${answer.status} ${JSON.stringify(answer.data)}`);
    return answer.data;
  };
  return {
    call,
    /** A tag or category by name, made when missing. */
    async term(taxonomy: 'tags' | 'categories', name: string): Promise<number> {
      const found = await call<{ id: number; name: string }[]>('GET', `/wp/v2/${taxonomy}`, undefined, {
        search: name,
      });
      const same = found.find((term) => term.name === name);
      return same ? same.id : (await call<{ id: number }>('POST', `/wp/v2/${taxonomy}`, { name })).id;
    },
    /** Makes the posts 25 at a time (WordPress's batch endpoint). */
    async createPosts(posts: Record<string, unknown>[]): Promise<number[]> {
      const ids: number[] = [];
      for (let at = 0; at < posts.length; at += 25) {
        const answer = await call<{ responses: { status: number; body: { id: number } }[] }>(
          'POST',
          '/batch/v1',
          {
            requests: posts
              .slice(at, at + 25)
              .map((body) => ({ method: 'POST', path: '/wp/v2/posts', body })),
          },
        );
        for (const response of answer.responses) {
          if (response.status >= 300)
            throw new Error(`a seeded post was refused: ${JSON.stringify(response.body)}`);
          ids.push(response.body.id);
        }
      }
      return ids;
    },
    /** The ids of every post and page the blog has (any status but the trash). */
    async everyId(): Promise<string[]> {
      const ids: string[] = [];
      for (const type of ['posts', 'pages']) {
        for (let page = 1; ; page += 1) {
          const answer = await client.get<{ id: number }[]>('/', {
            params: {
              rest_route: `/wp/v2/${type}`,
              status: 'publish,future,draft,pending,private',
              per_page: 100,
              page,
              context: 'edit',
              orderby: 'id',
              order: 'asc',
              _fields: 'id',
            },
          });
          if (answer.status === 400 || !Array.isArray(answer.data) || answer.data.length === 0) break;
          ids.push(...answer.data.map((post) => String(post.id)));
          if (answer.data.length < 100) break;
        }
      }
      return ids.sort();
    },
  };
}
