import axios from 'axios';
import type { WordPressPeer } from './wordpress-peer';

/** WordPress's own REST API, with the application password: how the tests see what the blog stored. */
export function wordpressRest(wp: WordPressPeer) {
  const client = axios.create({
    baseURL: wp.WP_URL,
    auth: { username: wp.WP_USER, password: wp.WP_APP_PASSWORD },
    validateStatus: () => true,
    timeout: 30_000,
  });
  const get = async <T>(route: string, params: Record<string, string | number> = {}): Promise<T> => {
    const response = await client.get<T>('/', { params: { rest_route: route, ...params } });
    if (response.status >= 400)
      throw new Error(`GET ${route}: HTTP ${response.status} ${JSON.stringify(response.data)}`);
    return response.data;
  };
  return {
    post: (id: string | number) => get<RestPost>(`/wp/v2/posts/${id}`, { context: 'edit' }),
    media: (id: number) => get<{ id: number; source_url: string }>(`/wp/v2/media/${id}`, { context: 'edit' }),
    async termNames(taxonomy: 'tags' | 'categories', ids: number[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const terms = await get<{ name: string }[]>(`/wp/v2/${taxonomy}`, {
        include: ids.join(','),
        per_page: 100,
      });
      return terms.map((term) => term.name).sort();
    },
    /** Every post (any status) whose title is exactly `title`. */
    async postsTitled(title: string): Promise<RestPost[]> {
      const found = await get<RestPost[]>('/wp/v2/posts', {
        search: title,
        status: 'publish,future,draft,pending,private',
        per_page: 100,
        context: 'edit',
      });
      return found.filter((post) => post.title.raw === title);
    },
    /** Every file in the media library whose title is exactly `title` (WordPress titles an upload by its name). */
    async mediaTitled(title: string): Promise<{ id: number; source_url: string }[]> {
      const found = await get<{ id: number; source_url: string; title: { raw: string } }[]>('/wp/v2/media', {
        search: title.replace(/\.[a-z]+$/i, ''),
        per_page: 100,
        context: 'edit',
      });
      return found.filter((file) => file.title.raw === title);
    },
  };
}

export interface RestPost {
  id: number;
  status: string;
  slug: string;
  link: string;
  date_gmt: string;
  title: { raw: string };
  content: { raw: string };
  excerpt: { raw: string };
  tags: number[];
  categories: number[];
  /** The featured image's attachment id; 0 when none. */
  featured_media: number;
}
