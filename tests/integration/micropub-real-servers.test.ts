import { describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../shared/model/draft';
import type { MicropubConfig, MicropubSource } from '../../shared/model/micropub';
import type { OutboxJob, RemotePostSummary } from '../../shared/model/publish';
import { useMicropubAuthor, type MicropubAuthor } from '../support/micropub-server/micropub-cli';
import { SITE_CATEGORIES } from '../support/micropub-server/micropub-site';

// What real servers do beyond the protocol's plain case (issue 15), each switched on in the local
// site and driven through the CLI: moved posts, lists sent as objects, answers without a body, alt
// text a request cannot carry, and output that must not look like failure.

// Each case runs several CLI commands, each a process of its own.
vi.setConfig({ testTimeout: 180_000 });

const { begin } = useMicropubAuthor('postwright-real-servers-');

const updates = (a: MicropubAuthor) =>
  a.site.log.filter((r) => (r.json as { action?: string } | undefined)?.action === 'update');

describe('a post whose address changes when its name does', () => {
  for (const mode of ['properties-url', 'source-only'] as const) {
    it(`finds the new address (${mode === 'properties-url' ? 'in the answer’s properties.url' : 'by asking q=source'}) and moves the linked draft there`, async () => {
      const a = await begin({ renameOnNewName: mode });
      const draftId = await a.draft({ title: 'Quirky', html: '<p>Hello</p>', args: ['--slug', 'quirky'] });
      const url = (await a.publish(draftId, ['--as', 'article'])).result!.url!;
      const moved = `${a.site.url}posts/a-new-name`;

      const renamed = await a.cli(['posts', 'update', url, '--replace', 'name=A new name']);
      expect(renamed.stderr).toBe('');
      expect(renamed.stdout.trim()).toBe(`Updated; the post now lives at ${moved}`);
      const draft = await a.ok<Draft>(['drafts', 'show', draftId]);
      expect(draft.remote?.url).toBe(moved);
      expect(draft.remote?.postId).toBe(moved);

      // The linked draft still publishes: an update of the post at its new address, not "not found".
      a.site.startCase();
      const again = await a.publish(draftId, ['--status', 'draft']);
      expect(again.state, again.reason ?? '').toBe('done');
      expect(updates(a)[0]?.json).toMatchObject({ url: moved });
      expect(a.site.posts.posts.size).toBe(1);
    });
  }
});

describe('lists sent as objects keyed by position', () => {
  it('reads every multi-value property, the configuration, categories and recent posts', async () => {
    const a = await begin({ keyedLists: true });
    const url = a.site.posts.seed('keyed', {
      name: ['Keyed'],
      content: [{ html: '<p>Hi</p>' }],
      category: ['Peer Test', 'added-tag'],
      photo: [{ value: 'https://photos.example/a.jpg', alt: 'A' }],
      location: [{ type: ['h-card'], properties: { name: ['Hove'], locality: ['Hove', 'Brighton'] } }],
    }).url;
    const source = await a.ok<MicropubSource>(['posts', 'source', url]);
    expect(source).toEqual({
      type: ['h-entry'],
      properties: {
        name: ['Keyed'],
        content: [{ html: '<p>Hi</p>' }],
        category: ['Peer Test', 'added-tag'],
        photo: [{ value: 'https://photos.example/a.jpg', alt: 'A' }],
        location: [{ type: ['h-card'], properties: { name: ['Hove'], locality: ['Hove', 'Brighton'] } }],
      },
    });
    const pulled = await a.ok<Draft>(['posts', 'pull', url]);
    expect(pulled.categories).toEqual(['Peer Test', 'added-tag']);

    const config = await a.ok<MicropubConfig>(['micropub', 'config']);
    expect(config.syndicateTo.map((target) => target.name)).toEqual(['Social (@author)', 'Archive']);
    expect(config.postTypes.map((type) => type.type)).toEqual(['article', 'note']);
    expect(await a.ok<string[]>(['micropub', 'categories'])).toEqual(SITE_CATEGORIES);
    const recent = await a.ok<RemotePostSummary[]>(['posts', 'recent']);
    expect(recent.map((post) => post.url)).toEqual([url]);
  });
});

describe('errors without a body', () => {
  it('says the status, that a create was refused, and what to try', async () => {
    const a = await begin();
    a.site.quirks.failNext = { status: 400, error: '', description: '', shape: 'empty' };
    const draftId = await a.draft({ title: 'Empty', html: '<p>Hello</p>' });
    const result = await a.cli(['publish', draftId, '--as', 'article']);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^postwright: The blog refused to create the post \(HTTP 400, with no reason given\)\. .*--as note.*$/,
    );
  });

  it('names the properties of a refused update', async () => {
    const a = await begin();
    const url = a.site.posts.seed('refused', { name: ['Old'], category: ['a'] }).url;
    a.site.quirks.failNext = { status: 400, error: '', description: '', shape: 'empty' };
    const result = await a.cli(['posts', 'update', url, '--replace', 'name=New', '--add', 'category=b']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /The blog refused the update of name and category \(HTTP 400, with no reason given\)\. .*one at a time/,
    );
  });
});

describe('alt text is never dropped without a word', () => {
  const html = '<p>A view</p><p><img src="https://photos.example/sea.jpg" alt="The sea at dawn"></p>';

  it('sends a note whose image has alt text as JSON, keeping the alt text', async () => {
    const a = await begin();
    const draftId = await a.draft({ html });
    a.site.startCase();
    const job = await a.publish(draftId, ['--as', 'note']);
    expect(job.state).toBe('done');
    const create = a.site.log.find((r) => r.method === 'POST');
    expect(create?.contentType).toMatch(/^application\/json/);
    expect(a.site.posts.posts.get(job.result!.url!)!.properties.photo).toEqual([
      { value: 'https://photos.example/sea.jpg', alt: 'The sea at dawn' },
    ]);
  });

  it('refuses --format form for it before sending, saying how to keep it', async () => {
    const a = await begin();
    const draftId = await a.draft({ html });
    a.site.startCase();
    const result = await a.cli(['publish', draftId, '--as', 'note', '--format', 'form', '--json']);
    expect(result.status).toBe(1);
    expect(result.json<OutboxJob>().reason).toMatch(
      /alt text of 1 image \("The sea at dawn"\) cannot travel form-encoded.*--format json/,
    );
    expect(a.site.log.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('says so, also in --json output, when a multipart request cannot carry it', async () => {
    const a = await begin({ mediaEndpoint: false });
    const draftId = await a.draft({
      html: '<p>Look</p><p><img src="pier.png" alt="The pier"></p>',
      images: ['pier.png'],
    });
    const warning =
      /The alt text of 1 image \("The pier"\) is left out: .+ has no media endpoint, so images travel in a multipart request, which cannot carry alt text\./;
    const job = await a.publish(draftId, ['--as', 'note']);
    expect(job.state).toBe('done');
    expect(job.result?.warnings).toEqual([expect.stringMatching(warning)]);

    const human = await a.draft({
      html: '<p>Again</p><p><img src="pier.png" alt="The pier"></p>',
      images: ['pier.png'],
    });
    const printed = await a.cli(['publish', human, '--as', 'note']);
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/is published on/);
    expect(printed.stderr).toMatch(warning);
  });

  it('sends a plain note as text and keeps the markup of one that has it (JSON)', async () => {
    const a = await begin();
    const plain = await a.draft({ html: '<p>One line</p><p>Two lines</p>' });
    const rich = await a.draft({ html: '<p>Some <strong>bold</strong> words</p>' });
    const first = await a.publish(plain, ['--as', 'note', '--format', 'json']);
    const second = await a.publish(rich, ['--as', 'note', '--format', 'json']);
    expect(a.site.posts.posts.get(first.result!.url!)!.properties.content).toEqual(['One line\n\nTwo lines']);
    expect(a.site.posts.posts.get(second.result!.url!)!.properties.content).toEqual([
      { html: '<p>Some <strong>bold</strong> words</p>' },
    ]);
  });
});

describe('output that does not look like failure', () => {
  it('prints the verdict of a failed publish once, and its diagnostics only with --verbose', async () => {
    const a = await begin();
    const draftId = await a.draft({ title: 'Loud', html: '<p>Hello</p>' });
    a.site.quirks.failNext = {
      status: 400,
      error: 'invalid_request',
      description: 'The name is too long.',
      shape: 'oauth',
    };
    const quiet = await a.cli(['publish', draftId]);
    expect(quiet.status).toBe(1);
    expect(quiet.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^postwright: The blog refused the request as invalid\./),
    ]);
    a.site.quirks.failNext = {
      status: 400,
      error: 'invalid_request',
      description: 'The name is too long.',
      shape: 'oauth',
    };
    const verbose = await a.cli(['publish', draftId, '--verbose']);
    expect(verbose.stderr).toMatch(/"message":"outbox attempt failed"/);
  });
});
