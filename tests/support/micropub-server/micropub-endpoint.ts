import type { ServerResponse } from 'node:http';
import { html, json } from './indieauth-server';
import { micropubQuery } from './micropub-query';
import type { PostStore, StoredPost } from './post-store';
import { fieldValues, type RecordedRequest } from './recorded-request';
import { authorize, failIfAsked, type Site } from './site-checks';
import { wordpressPostJson } from './wordpress-answers';

type UpdateBody = Parameters<PostStore['update']>[1];

/** The Micropub endpoint: queries, and create, update, delete and undelete as the quirks say. */
export async function micropubEndpoint(site: Site, request: RecordedRequest, response: ServerResponse) {
  site.log.push(request);
  if (site.settings.endpointQuery) {
    const wanted = new URLSearchParams(site.settings.endpointQuery);
    for (const [name, value] of wanted) {
      if (!request.query.some(([n, v]) => n === name && v === value)) {
        site.violations.push(
          `${request.method} ${request.url}: the endpoint's own query (${name}=${value}) was dropped`,
        );
      }
    }
  }
  if (request.method === 'GET') return micropubQuery(site, request, response);
  const action =
    (request.json as { action?: string } | undefined)?.action ??
    fieldValues(request.fields, 'action')[0] ??
    'create';
  if (!authorize(site, request, response, action === 'create' ? 'create' : action)) return;
  if (failIfAsked(site, response)) return;
  if (action === 'create') {
    if (site.settings.createDelayMs)
      await new Promise((resolve) => setTimeout(resolve, site.settings.createDelayMs));
    const files = request.parts.filter((p) => p.filename);
    const urls = files.map((file) => ({
      // WordPress's plugin takes a `featured` part as the post thumbnail; every other file is a photo.
      property: (file.name.replace(/\[\]$/, '') === 'featured' ? 'featured' : 'photo') as
        'featured' | 'photo',
      url: `${site.base}media/upload-${++site.uploads}-${file.filename}`,
    }));
    const post = site.posts.createFrom(request, urls, site.settings.wordpress);
    if (site.settings.loseNextCreateAnswer) {
      site.settings.loseNextCreateAnswer = false;
      return response.socket?.destroy();
    }
    const body = site.settings.createBody ? JSON.stringify({ url: post.url }) : '';
    response.writeHead(site.settings.createStatus, {
      Location: post.url,
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    });
    return response.end(body);
  }
  const url =
    (request.json as { url?: string } | undefined)?.url ?? fieldValues(request.fields, 'url')[0] ?? '';
  // WordPress looks a trashed post up by its guid: the address it was created at.
  const post =
    action === 'undelete' && site.settings.wordpress
      ? [...site.posts.posts.values()].find((p) => p.deleted && p.originalUrl === url)
      : site.posts.posts.get(url);
  if (!post) {
    const missing = action === 'undelete' && site.settings.wordpress ? `deleted post ${url}` : url;
    return json(response, 400, { error: 'invalid_request', error_description: `${missing} not found` });
  }
  if (action === 'update') return update(site, post, request.json as UpdateBody, response);
  if (action === 'delete' || action === 'undelete') {
    post.deleted = action === 'delete';
    if (site.settings.wordpress) return json(response, 200, wordpressPostJson(post));
    response.writeHead(204);
    return response.end();
  }
  json(response, 400, { error: 'invalid_request', error_description: `Unknown action ${action}.` });
}

function update(site: Site, post: StoredPost, body: UpdateBody, response: ServerResponse) {
  const url = post.url;
  site.posts.update(url, body);
  const name = body.replace?.name?.[0];
  const renames = site.settings.wordpress || site.settings.renameOnNewName;
  const now = renames && typeof name === 'string' ? site.posts.rename(url, name) : url;
  if (site.settings.wordpress) return json(response, 200, wordpressPostJson(post));
  if (site.settings.renameOnNewName === 'properties-url') {
    return json(response, 200, { type: post.type, properties: { ...post.properties, url: [now] } });
  }
  if (site.settings.updateStatus === 201) {
    const moved = site.posts.move(url);
    response.writeHead(201, { Location: moved });
    return response.end();
  }
  if (site.settings.updateStatus === 200) return json(response, 200, { url });
  response.writeHead(204);
  return response.end();
}

/** The media endpoint: one file per request, answered with its new address. */
export function mediaEndpoint(site: Site, request: RecordedRequest, response: ServerResponse) {
  site.log.push(request);
  if (!site.settings.mediaEndpoint) return html(response, 404, '<p>Not found</p>');
  if (!authorize(site, request, response, 'media')) return;
  if (failIfAsked(site, response)) return;
  const file = request.parts.find((part) => part.name === 'file' && part.filename);
  if (!file) return json(response, 400, { error: 'invalid_request', error_description: 'No file part.' });
  const path = `media/${++site.uploads}-${file.filename}`;
  site.files.set(`/${path}`, {
    type: file.type ?? 'application/octet-stream',
    data: file.data ?? Buffer.alloc(0),
  });
  response.writeHead(201, { Location: `${site.base}${path}` });
  response.end();
}
