import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../main/core/platform/http';
import { fetchPage } from '../../main/core/inbox/metadata/fetch-page';
import { createRouter } from '../../main/core/rpc/router';
import { silentLogger } from '../../main/core/platform/logger';
import { startLinkPages, type PageServer } from '../support/link-pages';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

const http = createHttpClient('Postwright-test');
const never = new AbortController().signal;
let pages: PageServer;
let bystander: PageServer;

beforeAll(async () => {
  // Another local service the hostile page tries to steer the fetcher to.
  bystander = await startLinkPages();
  pages = await startLinkPages({ redirectTarget: `${bystander.origin}/og-only` });
});
afterAll(async () => {
  await pages.close();
  await bystander.close();
});

const fetchOf = (path: string, deadlineMs?: number) =>
  fetchPage(http, `${pages.origin}${path}`, never, deadlineMs);

describe('fetching link details from real pages', () => {
  it('reads a windows-1252 page by its header and by its <meta charset>', async () => {
    expect((await fetchOf('/cafe-1252')).metadata.title).toBe('Café “Crème” – l’été');
    expect((await fetchOf('/cafe-1252-meta')).metadata.title).toBe('Café “Meta”');
  });

  it('reads a page with only og: tags, and says when a page has no title', async () => {
    const og = await fetchOf('/og-only');
    expect(og.metadata).toEqual({
      title: 'Only Open Graph',
      description: 'Described by og:description',
      siteName: 'OG Site',
      canonicalUrl: `${pages.origin}/canonical-og`,
    });
    const bare = await fetchOf('/no-title');
    expect(bare.metadata.title).toBe('');
    expect(bare.note).toBe('The page has no title.');
  });

  it('keeps a <script> in a title as plain text', async () => {
    const page = await fetchOf('/script-title');
    expect(page.metadata.title).toBe('<script>window.pwned = true; alert(1)</script>Hello <b>there</b>');
  });

  it('follows a redirect on the same server, and reads nothing from a PDF', async () => {
    const moved = await fetchOf('/to-same');
    expect(moved.finalUrl).toBe(`${pages.origin}/og-only`);
    expect(moved.metadata.title).toBe('Only Open Graph');
    expect((await fetchOf('/pdf')).note).toBe('Not a web page (application/pdf): nothing to read.');
    await expect(fetchOf('/gone')).rejects.toThrow('The page is gone (HTTP 404); check the address.');
  });
});

describe('hostile pages end in a clear state', () => {
  it('cuts off a page that drips slowly at the deadline', async () => {
    await expect(fetchOf('/slow', 1500)).rejects.toThrow('The page did not answer within 1.5 seconds.');
  });

  it('reads only the first 2 MB of a huge page', async () => {
    const page = await fetchOf('/huge');
    expect(page.metadata.title).toBe('A very big page');
  });

  it('stops a redirect loop after 5 hops', async () => {
    const before = pages.hits.filter((path) => path === '/loop').length;
    await expect(fetchOf('/loop')).rejects.toThrow(
      'The page redirected more than 5 times (a redirect loop?).',
    );
    expect(pages.hits.filter((path) => path === '/loop').length - before).toBe(6);
  });

  it('refuses redirects to file: and to other services on this computer', async () => {
    await expect(fetchOf('/to-file')).rejects.toThrow(
      'The page redirected to a file: address, which Postwright does not follow.',
    );
    const bystanderHits = bystander.hits.length;
    await expect(fetchOf('/to-other-port')).rejects.toThrow(
      `The page redirected to 127.0.0.1:${bystander.port}, an address on this computer or a private network, which Postwright does not follow.`,
    );
    expect(bystander.hits.length).toBe(bystanderHits);
  });

  it('refuses to fetch anything but http(s) in the first place', async () => {
    await expect(fetchPage(http, 'file:///etc/passwd', never)).rejects.toThrow(
      'Postwright fetches only http and https addresses, not file: ones',
    );
  });
});

const tempDir = useTempDir('postwright-inbox-core-');

describe('the inbox fetches in the background and shows each link’s state', () => {
  it('fills titles, records failures with their reason, and retries', async () => {
    const core = createTestCore(tempDir());
    const router = createRouter(core.handlers, silentLogger);
    const call = async (method: string, args: unknown) => {
      const reply = await router.handle({ id: 1, method, args }, { signal: never });
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as never;
    };
    try {
      const result: {
        bookmarks: { id: string; title: string; fetch: { state: string; message: string | null } }[];
      } = await call('inbox-add', {
        links: [
          { url: `${pages.origin}/cafe-1252` },
          { url: `${pages.origin}/og-only`, title: 'My own title' },
          { url: `${pages.origin}/to-file` },
        ],
        awaitMetadata: true,
      });
      const [cafe, og, refused] = result.bookmarks;
      expect(cafe).toMatchObject({ title: 'Café “Crème” – l’été', fetch: { state: 'done' } });
      expect(og).toMatchObject({ title: 'My own title', description: 'Described by og:description' });
      expect(refused!.fetch).toMatchObject({
        state: 'failed',
        message: 'The page redirected to a file: address, which Postwright does not follow.',
      });
      const retried: { fetch: { state: string } }[] = await call('inbox-refetch', {
        ids: [refused!.id],
        wait: true,
      });
      expect(retried[0]!.fetch.state).toBe('failed');
    } finally {
      await core.dispose();
    }
  });
});
