import type { ServerResponse } from 'node:http';
import { html, json } from './indieauth-server';
import type { Properties } from './post-store';
import type { RecordedRequest } from './recorded-request';
import { authorize, type Site } from './site-checks';
import { keyedDeep, keyedSource } from './wordpress-answers';

export const SYNDICATION_TARGETS = [
  { uid: 'https://social.example/@author', name: 'Social (@author)' },
  { uid: 'https://archive.example/author', name: 'Archive' },
];

export const SITE_CATEGORIES = ['indieweb', 'events', 'brighton', 'bookmarks'];

/** A JSON answer whose lists are objects, for a server in that mode. */
function lists(site: Site, body: Record<string, unknown>): Record<string, unknown> {
  if (!site.settings.keyedLists) return body;
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, keyedDeep(value)]));
}

/** The Micropub queries: config, syndicate-to, category, and source (one post, or a page of them). */
export function micropubQuery(site: Site, request: RecordedRequest, response: ServerResponse) {
  const q = new URLSearchParams(request.query);
  if (!authorize(site, request, response, q.get('q') === 'source' ? 'update' : 'create')) return;
  switch (q.get('q')) {
    case 'config':
      if (site.settings.configFails) return html(response, 500, '<h1>Internal Server Error</h1>');
      return json(
        response,
        200,
        lists(site, {
          ...(site.settings.mediaEndpoint ? { 'media-endpoint': `${site.base}media` } : {}),
          'syndicate-to': SYNDICATION_TARGETS,
          'post-types': site.settings.postTypeProperties
            ? [
                { type: 'article', name: 'Article', properties: ['name', 'content', 'photo', 'category'] },
                { type: 'note', name: 'Note', properties: ['content', 'photo', 'category'] },
              ]
            : [
                { type: 'article', name: 'Article' },
                { type: 'note', name: 'Note' },
              ],
          q: ['config', 'syndicate-to', 'category', 'source'],
          ...(site.settings.markdown ? { 'content-types': ['text/html', 'text/markdown'] } : {}),
        }),
      );
    case 'syndicate-to':
      return json(response, 200, lists(site, { 'syndicate-to': SYNDICATION_TARGETS }));
    case 'category':
      return json(response, 200, lists(site, { categories: SITE_CATEGORIES }));
    case 'source': {
      if (!q.get('url')) {
        // The list form many servers support: recent posts, newest first.
        const limit = Number(q.get('limit') ?? 10);
        const newestFirst = [...site.posts.posts.values()].filter((p) => !p.deleted).reverse();
        // `after` names the last post of the page before by its number (a cursor the server makes).
        const after = site.settings.sourcePaging ? q.get('after') : null;
        const start = after ? newestFirst.findIndex((p) => String(p.id) === after) + 1 : 0;
        const page = newestFirst.slice(start, start + limit);
        const items = page.map((p) => ({ type: p.type, properties: { ...p.properties, url: [p.url] } }));
        const more = site.settings.sourcePaging && start + limit < newestFirst.length;
        return json(response, 200, {
          ...lists(site, { items }),
          ...(more ? { paging: { after: String(page.at(-1)!.id) } } : {}),
        });
      }
      const post = site.posts.find(q.get('url') ?? '', site.settings.renameOnNewName === 'source-only');
      if (!post || post.deleted)
        return json(response, 400, { error: 'invalid_request', error_description: 'No such post.' });
      const wanted = q.getAll('properties[]');
      // A server that still finds a post by an old address says where it lives now.
      const all: Properties =
        site.settings.renameOnNewName === 'source-only'
          ? { ...post.properties, url: [post.url] }
          : post.properties;
      const chosen: Properties = {};
      for (const [name, values] of Object.entries(all)) {
        if (wanted.length && !wanted.includes(name)) continue;
        chosen[name] = values;
      }
      const properties = site.settings.sourceAsObjects
        ? Object.fromEntries(Object.entries(chosen).map(([k, v]) => [k, v.length === 1 ? v[0] : v]))
        : site.settings.keyedLists || site.settings.wordpress
          ? keyedSource(post, chosen, site.settings.keyedLists ? 'always' : 'after-removal')
          : chosen;
      return json(response, 200, wanted.length ? { properties } : { type: post.type, properties });
    }
    default:
      return json(response, 400, { error: 'invalid_request', error_description: 'Unknown query.' });
  }
}
