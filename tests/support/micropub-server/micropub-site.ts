import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { html, IndieAuthServer, json } from './indieauth-server';
import { mediaEndpoint, micropubEndpoint } from './micropub-endpoint';
import { DEFAULT_QUIRKS, type MicropubQuirks } from './micropub-quirks';
import { PostStore } from './post-store';
import { readRequest, type RecordedRequest } from './recorded-request';
import type { Site } from './site-checks';

export { DEFAULT_QUIRKS, WORDPRESS_QUIRKS, type MicropubQuirks } from './micropub-quirks';

export { SITE_CATEGORIES, SYNDICATION_TARGETS } from './micropub-query';

export interface MicropubSite {
  /** The home page the author types into "Add a blog". */
  readonly url: string;
  readonly auth: IndieAuthServer;
  readonly posts: PostStore;
  readonly quirks: MicropubQuirks;
  /** Every Micropub and media request since the last `startCase`. */
  readonly log: RecordedRequest[];
  /** Problems in requests that every case forbids (token in the body, missing token). */
  readonly violations: string[];
  readonly micropubUrl: string;
  readonly mediaUrl: string;
  startCase(): void;
  close(): Promise<void>;
}

/** The author's site on 127.0.0.1: discovery links, IndieAuth, a Micropub and a media endpoint. */
export async function startMicropubSite(quirks: Partial<MicropubQuirks> = {}): Promise<MicropubSite> {
  const log: RecordedRequest[] = [];
  const violations: string[] = [];
  const settings: MicropubQuirks = { ...DEFAULT_QUIRKS, ...quirks };
  let base = '';

  const micropubUrl = () => `${base}micropub${settings.endpointQuery ? `?${settings.endpointQuery}` : ''}`;

  const server: Server = createServer((incoming, response) => {
    readRequest(incoming, base)
      .then((request) => route(request, response))
      .catch((error: Error) => {
        response.writeHead(500, { 'Content-Type': 'text/plain' });
        response.end(error.stack);
      });
  });

  async function route(request: RecordedRequest, response: ServerResponse) {
    const { method, path } = request;
    if (path === '/' && method === 'GET') return home(response);
    if (path === '/elsewhere/' && method === 'GET') {
      // A profile that declares another sign-in server: a token vouching for it must be refused.
      return html(response, 200, '<p>Someone else</p>', {
        Link: '<https://auth.elsewhere.example/auth>; rel="authorization_endpoint", <https://auth.elsewhere.example/token>; rel="token_endpoint"',
      });
    }
    if (path === '/.well-known/oauth-authorization-server') return json(response, 200, auth.metadata());
    if (path === '/auth' && method === 'GET') return auth.authorizationPage(request, response);
    if (path === '/auth' && method === 'POST') return auth.decide(request, response);
    if (path === '/token' && method === 'POST') return auth.token(request, response);
    if (path === '/micropub') return micropubEndpoint(site, request, response);
    if (path === '/media' && method === 'POST') return mediaEndpoint(site, request, response);
    if (path === '/xmlrpc.php' && settings.wordpress) {
      response.writeHead(405, { 'Content-Type': 'text/plain' });
      return response.end('XML-RPC services are disabled on this site.');
    }
    const file = site.files.get(path);
    if (file && method === 'GET') {
      response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.data.length });
      return response.end(file.data);
    }
    if (path.startsWith('/posts/') || path.startsWith('/media/'))
      return html(response, 200, `<p>${path}</p>`);
    html(response, 404, '<p>Not found</p>');
  }

  function home(response: ServerResponse) {
    const links: [string, string][] = [
      ['micropub', micropubUrl()],
      ['indieauth-metadata', `${base}.well-known/oauth-authorization-server`],
      ['authorization_endpoint', `${base}auth`],
      ['token_endpoint', `${base}token`],
    ];
    html(
      response,
      200,
      `<h1>The author's site</h1>${links.map(([rel, href]) => `<link rel="${rel}" href="${href.replace(/&/g, '&amp;')}">`).join('')}`,
      { Link: links.map(([rel, href]) => `<${href}>; rel="${rel}"`).join(', ') },
    );
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const auth = new IndieAuthServer(base);
  const posts = new PostStore(base);
  const site: Site = { settings, base, auth, posts, log, violations, uploads: 0, files: new Map() };

  return {
    url: base,
    auth,
    posts,
    quirks: settings,
    log,
    violations,
    get micropubUrl() {
      return micropubUrl();
    },
    mediaUrl: `${base}media`,
    startCase() {
      log.length = 0;
      violations.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
