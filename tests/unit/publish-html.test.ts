import { describe, expect, it } from 'vitest';
import { localImages, replaceImageSources } from '../../main/core/publish/draft-images';
import { readHtmlLinks } from '../../main/core/publish/discovery/html-links';
import { parseLinkHeader } from '../../main/core/publish/discovery/link-header';
import { parseRsd, pickXmlRpcApi } from '../../main/core/publish/discovery/rsd';
import { backoffDelay } from '../../main/core/outbox/backoff';
import { joinMore, slugify, splitMore } from '../../shared/publish/post-content';

describe('discovery parsing', () => {
  it('reads Link headers with quoted commas and several rels', () => {
    expect(
      parseLinkHeader(
        '<https://a.example/mp>; rel="micropub", <https://a.example/t?x=1,2>; rel="token_endpoint other"; type="text/html"',
      ),
    ).toEqual([
      { href: 'https://a.example/mp', rels: ['micropub'], type: null },
      { href: 'https://a.example/t?x=1,2', rels: ['token_endpoint', 'other'], type: 'text/html' },
    ]);
  });

  it('finds <link> elements but not ones inside comments or scripts', () => {
    const page = `<!doctype html><html><head><title>My &amp; blog</title>
      <!-- <link rel="EditURI" href="/commented.php"> -->
      <script>document.write('<link rel="EditURI" href="/script.php">')</script>
      <base href="https://example.com/blog/">
      <LINK REL='EditURI' TYPE="application/rsd+xml" HREF=xmlrpc.php?rsd&amp;x=1>
      <link rel="micropub authorization_endpoint" href="https://auth.example/">
      </head><body></body></html>`;
    const { links, base, title } = readHtmlLinks(page);
    expect(title).toBe('My & blog');
    expect(base).toBe('https://example.com/blog/');
    expect(links).toEqual([
      { href: 'xmlrpc.php?rsd&x=1', rels: ['edituri'], type: 'application/rsd+xml' },
      { href: 'https://auth.example/', rels: ['micropub', 'authorization_endpoint'], type: null },
    ]);
  });

  it('prefers the MetaWeblog API of an RSD document', () => {
    const apis =
      parseRsd(`<?xml version="1.0"?><rsd version="1.0"><service><engineName>WordPress</engineName><apis>
      <api name="WordPress" blogID="1" preferred="true" apiLink="https://e.example/xmlrpc.php" />
      <api name="MetaWeblog" blogID="1" preferred="false" apiLink="https://e.example/xmlrpc.php" />
      <api name="WP-API" blogID="1" preferred="false" apiLink="https://e.example/wp-json/" />
    </apis></service></rsd>`);
    expect(pickXmlRpcApi(apis)).toMatchObject({
      name: 'MetaWeblog',
      blogId: '1',
      apiLink: 'https://e.example/xmlrpc.php',
    });
    expect(() => parseRsd('<!DOCTYPE rsd [<!ENTITY x "y">]><rsd/>')).toThrow(/DTD/);
  });
});

describe('post content', () => {
  it('splits at the more break and joins back', () => {
    expect(splitMore('<p>a</p>\n<!--more-->\n<p>b</p>')).toEqual({ intro: '<p>a</p>', more: '<p>b</p>' });
    expect(splitMore('<p>only</p>')).toEqual({ intro: '<p>only</p>', more: '' });
    expect(joinMore('<p>a</p>', '<p>b</p>')).toBe('<p>a</p>\n<!--more-->\n<p>b</p>');
  });

  it('makes slugs as blogs do', () => {
    expect(slugify('Bookmarks for November 9th through 16th: Café & more!')).toBe(
      'bookmarks-for-november-9th-through-16th-cafe-more',
    );
  });

  it("rewrites only the draft's own image sources, byte for byte elsewhere", () => {
    const html = `<p>x</p><img alt="a" src="/drafts/d1/assets/a.png"><img src='/drafts/d1/assets/b.png' /><img src="https://elsewhere/c.png">`;
    const files: Record<string, string> = {
      '/drafts/d1/assets/a.png': '/data/a.png',
      '/drafts/d1/assets/b.png': '/data/b.png',
    };
    const images = localImages(html, 'd1', { assetFile: (_id, src) => files[src] ?? null });
    expect(images.map((image) => [image.src, image.type])).toEqual([
      ['/drafts/d1/assets/a.png', 'image/png'],
      ['/drafts/d1/assets/b.png', 'image/png'],
    ]);
    expect(
      replaceImageSources(html, {
        '/drafts/d1/assets/a.png': 'https://blog/a.png?x=1&y=2',
        '/drafts/d1/assets/b.png': 'https://blog/b.png',
      }),
    ).toBe(
      `<p>x</p><img alt="a" src="https://blog/a.png?x=1&amp;y=2"><img src='https://blog/b.png' /><img src="https://elsewhere/c.png">`,
    );
  });

  it('rewrites unquoted and encoded sources in their own quoting, never ones in comments or scripts', () => {
    const html = [
      '<IMG SRC = /drafts/d1/assets/a.png alt=x>',
      '<!-- <img src="/drafts/d1/assets/a.png"> -->',
      `<script>"<img src='/drafts/d1/assets/a.png'>"</script>`,
      '<img src="/drafts/d1/assets/a&amp;b.png" src="/second">',
      "<img data-src=x src='/drafts/d1/assets/a&amp;b.png'>",
    ].join('\n');
    expect(
      replaceImageSources(html, {
        '/drafts/d1/assets/a.png': 'https://blog/a.png',
        '/drafts/d1/assets/a&b.png': "https://blog/it's.png",
      }),
    ).toBe(
      [
        '<IMG SRC = "https://blog/a.png" alt=x>',
        '<!-- <img src="/drafts/d1/assets/a.png"> -->',
        `<script>"<img src='/drafts/d1/assets/a.png'>"</script>`,
        `<img src="https://blog/it's.png" src="/second">`,
        "<img data-src=x src='https://blog/it&#39;s.png'>",
      ].join('\n'),
    );
  });
});

describe('outbox backoff', () => {
  const policy = { baseMs: 1000, capMs: 60_000, maxAttempts: 8 };
  it('grows exponentially with jitter, is capped, and honours Retry-After', () => {
    expect(backoffDelay(1, policy, undefined, () => 0)).toBe(500);
    expect(backoffDelay(1, policy, undefined, () => 1)).toBe(1000);
    expect(backoffDelay(4, policy, undefined, () => 1)).toBe(8000);
    expect(backoffDelay(30, policy, undefined, () => 1)).toBe(60_000);
    expect(backoffDelay(1, policy, 30_000, () => 0)).toBe(30_000);
  });
});
