import { describe, expect, it } from 'vitest';
import type { MicropubConfig, MicropubSource } from '../../shared/model/micropub';
import type { OutboxJob } from '../../shared/model/publish';
import { useMicropubAuthor, type MicropubAuthor } from '../support/micropub-server/micropub-cli';
import type { MicropubQuirks } from '../support/micropub-server/micropub-site';

// Real Micropub servers differ from the spec; each way they differ is one case here, driven through
// the CLI like the numbered cases.

const { begin } = useMicropubAuthor('postwright-quirks-');

async function publishArticle(a: MicropubAuthor, args: string[] = []) {
  const draftId = await a.draft({ title: 'Quirky', html: '<p>Hello</p>', args: ['--slug', 'quirky'] });
  const result = await a.cli(['publish', draftId, '--as', 'article', '--json', ...args]);
  return { draftId, result, job: result.stdout ? result.json<OutboxJob>() : null };
}

describe('answers to a create', () => {
  it('takes 201 with a JSON body as success, using Location', async () => {
    const a = await begin({ createBody: true });
    const { job } = await publishArticle(a);
    expect(job?.state).toBe('done');
    expect(job?.result?.url).toBe(`${a.site.url}posts/quirky`);
  });

  it('takes 202 Accepted with Location as success', async () => {
    const a = await begin({ createStatus: 202 });
    const { job } = await publishArticle(a);
    expect(job?.state).toBe('done');
    expect(job?.result?.url).toBe(`${a.site.url}posts/quirky`);
  });
});

describe('error answers in every dialect', () => {
  const failures: [string, MicropubQuirks['failNext'], RegExp][] = [
    [
      '{error, error_description}',
      { status: 400, error: 'invalid_request', description: 'The name is too long.', shape: 'oauth' },
      /refused the request as invalid\. Details: invalid_request: The name is too long\./,
    ],
    [
      '{code, message}',
      { status: 400, error: 'invalid_request', description: 'Missing content.', shape: 'code-message' },
      /refused the request as invalid\. Details: invalid_request: Missing content\./,
    ],
    [
      'an HTML error page',
      { status: 400, error: '', description: '400 Bad Request', shape: 'html' },
      /refused the request as invalid\. Details: 400 Bad Request/,
    ],
    [
      'HTTP 200 whose body holds an error',
      { status: 200, error: 'invalid_request', description: 'Unknown property.', shape: 'in-200' },
      /refused the request as invalid\. Details: invalid_request: Unknown property\./,
    ],
    [
      '401 unauthorized',
      { status: 401, error: 'unauthorized', description: 'Token revoked.', shape: 'oauth' },
      /no longer accepts Postwright's sign-in\. Sign in to the blog again/,
    ],
    [
      '403 forbidden',
      { status: 403, error: 'forbidden', description: 'Not your site.', shape: 'oauth' },
      /refused to let this account publish posts \(403 Forbidden\)/,
    ],
    [
      'insufficient_scope',
      { status: 401, error: 'insufficient_scope', description: 'Needs create.', shape: 'oauth' },
      /did not give Postwright the "create" permission\. Sign in again and allow "create"/,
    ],
  ];
  for (const [name, failNext, sentence] of failures) {
    it(`says what went wrong for ${name}`, async () => {
      const a = await begin();
      a.site.quirks.failNext = failNext;
      const { result, job } = await publishArticle(a);
      expect(result.status).toBe(1);
      expect(job?.state, result.stderr).toBe('failed');
      expect(job?.reason).toMatch(sentence);
      const printed = JSON.parse(result.stderr.trim().split('\n').pop()!) as { error: { message: string } };
      expect(printed.error.message).toMatch(sentence);
    });
  }

  it('names the missing scope when a token cannot delete', async () => {
    const a = await begin();
    const url = a.site.posts.seed('kept', { content: ['Stay'] }).url;
    await a.cli(['micropub', 'sign-out']);
    await a.cli(['micropub', 'sign-in', '--token-stdin'], a.site.auth.issueToken('create update'));
    const result = await a.cli(['posts', 'delete', url]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /did not give Postwright the "delete" permission\. Sign in again and allow "delete"/,
    );
    expect(a.site.posts.posts.get(url)!.deleted).toBe(false);
  });
});

describe('odd answers to queries', () => {
  it('reads q=source values sent as objects where lists belong', async () => {
    const a = await begin({ sourceAsObjects: true });
    const url = a.site.posts.seed('odd', {
      content: [{ html: '<p>Hi</p>' }],
      photo: [{ value: 'https://photos.example/a.jpg', alt: 'A' }],
      category: ['x', 'y'],
    }).url;
    const source = await a.ok<MicropubSource>(['posts', 'source', url]);
    expect(source.properties).toEqual({
      content: [{ html: '<p>Hi</p>' }],
      photo: [{ value: 'https://photos.example/a.jpg', alt: 'A' }],
      category: ['x', 'y'],
    });
  });

  it('treats a failing q=config as an empty configuration', async () => {
    const a = await begin({ configFails: true });
    const config = await a.ok<MicropubConfig>(['micropub', 'config']);
    expect(config).toEqual({
      mediaEndpoint: null,
      syndicateTo: [],
      destinations: [],
      postTypes: [],
      queries: [],
    });
    const { job } = await publishArticle(a);
    expect(job?.state).toBe('done');
  });

  it('keeps the query string an endpoint URL already has', async () => {
    const a = await begin({ endpointQuery: 'site=main&lang=en' });
    a.site.startCase();
    await a.ok(['micropub', 'config']);
    const { job } = await publishArticle(a);
    expect(job?.state).toBe('done');
    await a.ok(['posts', 'source', job!.result!.url!, '--property', 'name']);
    expect(a.site.log.length).toBeGreaterThanOrEqual(4);
    expect(a.site.violations).toEqual([]);
  });
});

describe('answers to an update', () => {
  for (const status of [200, 201, 204] as const) {
    it(`takes ${status} as success${status === 201 ? ', following the new Location' : ''}`, async () => {
      const a = await begin({ updateStatus: status });
      const url = a.site.posts.seed('moving', { content: ['Old'] }).url;
      const result = await a.ok<{ url: string }>(['posts', 'update', url, '--replace', 'content=New']);
      expect(result.url).toBe(status === 201 ? `${url}-renamed` : url);
    });
  }
});

describe('publishing again, pulling, and lost answers', () => {
  it('publishes again as a JSON replace of only the changed properties', async () => {
    const a = await begin();
    const { draftId, job } = await publishArticle(a);
    a.site.startCase();
    const again = await a.publish(draftId, ['--status', 'draft']);
    expect(again.state).toBe('done');
    expect(again.result?.url).toBe(job?.result?.url);
    const update = a.site.log.find(
      (r) => r.method === 'POST' && (r.json as { action?: string })?.action === 'update',
    );
    expect(update?.json).toEqual({
      action: 'update',
      url: job?.result?.url,
      replace: { 'post-status': ['draft'] },
    });
    expect(a.site.posts.posts.size).toBe(1);
  });

  it('pulls a post into a local draft and updates it from there', async () => {
    const a = await begin();
    const url = a.site.posts.seed('pulled', {
      name: ['From the site'],
      content: [{ html: '<p>Body</p>' }],
      category: ['indieweb'],
    }).url;
    const draft = await a.ok<{ id: string; title: string; html: string; categories: string[] }>([
      'posts',
      'pull',
      url,
    ]);
    expect(draft).toMatchObject({ title: 'From the site', html: '<p>Body</p>', categories: ['indieweb'] });
    const job = await a.publish(draft.id, ['--status', 'draft']);
    expect(job.state).toBe('done');
    expect(a.site.posts.posts.get(url)!.properties['post-status']).toEqual(['draft']);
    expect(a.site.posts.posts.size).toBe(1);
  });

  it('checks the blog before resending after a lost answer: no duplicate post', async () => {
    const a = await begin({ loseNextCreateAnswer: true });
    const { result, job } = await publishArticle(a);
    expect(result.status).toBe(0);
    expect(job?.state).toBe('queued');
    expect(job?.reason).toMatch(
      /broke before it answered\. Postwright will check the blog before trying again/,
    );
    expect(a.site.posts.posts.size).toBe(1);
    const retried = await a.ok<OutboxJob[]>(['outbox', 'retry']);
    expect(retried[0]?.state).toBe('done');
    expect(retried[0]?.result?.url).toBe(`${a.site.url}posts/quirky`);
    expect(a.site.posts.posts.size).toBe(1);
  });
});
