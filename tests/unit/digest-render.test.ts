// The fixtures' times are UTC, which is also the author's local time there.
process.env.TZ = 'UTC';

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../shared/digest/fill-template';
import { bookmarkPostHtml } from '../../shared/inbox/bookmark-post';
import { renderDigest } from '../../shared/digest/render-digest';
import { SEED_DIGEST_TEMPLATE } from '../../shared/model/digest-template';
import { parseNetscape } from '../../main/core/inbox/importers/netscape';
import { bookmarkOf } from '../support/bookmarks';

const FIXTURE = 'tests/fixtures/digest-2009-11-05';
export const collapse = (html: string) => html.replace(/>\s+</g, '><').trim();

const bookmark = bookmarkOf;

describe('digest templates', () => {
  it('reproduce the seed digest from its bookmark file and comment', () => {
    const comments = JSON.parse(readFileSync(`${FIXTURE}/inbox.json`, 'utf8')) as {
      url: string;
      comment: string;
    }[];
    const items = parseNetscape(readFileSync(`${FIXTURE}/bookmarks.html`, 'utf8')).map((link) =>
      bookmark({
        url: link.url,
        title: link.title ?? '',
        description: link.description ?? '',
        comment: comments.find((entry) => entry.url === link.url)?.comment ?? '',
        tags: link.tags ?? [],
        addedAt: link.addedAt!,
      }),
    );
    const digest = renderDigest({
      template: SEED_DIGEST_TEMPLATE,
      from: '2009-11-05',
      to: '2009-11-08',
      items,
      groupByTag: false,
    });
    expect(digest.title).toBe(readFileSync(`${FIXTURE}/expected-title.txt`, 'utf8').trim());
    expect(collapse(digest.html)).toBe(collapse(readFileSync(`${FIXTURE}/expected-body.html`, 'utf8')));
  });

  it('keep the dash before a comment when a link has no quote, and show each text once', () => {
    const digest = renderDigest({
      template: SEED_DIGEST_TEMPLATE,
      from: '2009-11-05',
      to: '2009-11-08',
      items: [
        bookmark({
          url: 'https://a.example/',
          title: 'A',
          comment: 'Looks really useful.',
          addedAt: '2009-11-05T10:00:00Z',
        }),
        bookmark({
          url: 'https://b.example/',
          title: 'B',
          description: 'Quoted.',
          comment: 'Mine.',
          addedAt: '2009-11-05T11:00:00Z',
        }),
        bookmark({
          url: 'https://c.example/',
          title: 'C',
          description: 'Quoted.',
          addedAt: '2009-11-05T12:00:00Z',
        }),
        bookmark({ url: 'https://d.example/', title: 'D', addedAt: '2009-11-05T13:00:00Z' }),
      ],
      groupByTag: false,
    });
    expect(digest.html).toContain('<li><a href="https://a.example/">A</a> – Looks really useful.</li>');
    expect(digest.html).toContain('<li><a href="https://b.example/">B</a> – "Quoted." Mine.</li>');
    expect(digest.html).toContain('<li><a href="https://c.example/">C</a> – "Quoted."</li>');
    expect(digest.html).toContain('<li><a href="https://d.example/">D</a></li>');
  });

  it('read right across months and years', () => {
    const digest = renderDigest({
      template: SEED_DIGEST_TEMPLATE,
      from: '2009-12-28',
      to: '2010-01-03',
      items: [],
      groupByTag: false,
    });
    expect(digest.title).toBe('Bookmarks for December 28th through January 3rd');
    expect(digest.html).toContain('for December 28th to January 3rd:');
    const month = renderDigest({
      template: SEED_DIGEST_TEMPLATE,
      from: '2010-01-30',
      to: '2010-02-02',
      items: [],
      groupByTag: false,
    });
    expect(month.title).toBe('Bookmarks for January 30th through February 2nd');
    const ordinals = ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '31st'];
    for (const ordinal of ordinals) {
      const day = `2010-03-${String(parseInt(ordinal, 10)).padStart(2, '0')}`;
      expect(
        renderDigest({ template: SEED_DIGEST_TEMPLATE, from: day, to: day, items: [], groupByTag: false })
          .title,
      ).toBe(`Bookmarks for March ${ordinal} through March ${ordinal}`);
    }
  });

  it('escape HTML in titles, descriptions, comments and tags, and in the link itself', () => {
    const digest = renderDigest({
      template: SEED_DIGEST_TEMPLATE,
      from: '2009-11-05',
      to: '2009-11-05',
      items: [
        bookmark({
          url: 'https://example.com/?a=1&b="2"',
          title: '<script>alert(1)</script> & friends',
          description: 'Use <b>bold</b> "quotes"',
          comment: '<img src=x onerror=alert(1)>',
        }),
      ],
      groupByTag: false,
    });
    expect(digest.html).toContain('href="https://example.com/?a=1&amp;b=&quot;2&quot;"');
    expect(digest.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; friends</a>');
    expect(digest.html).toContain(
      '– "Use &lt;b&gt;bold&lt;/b&gt; &quot;quotes&quot;" &lt;img src=x onerror=alert(1)&gt;</li>',
    );
    expect(digest.html).not.toMatch(/<script|<img|<b>/);
  });

  it('leave out the quote and comment cleanly when a link has none, and fall back to the address', () => {
    const digest = renderDigest({
      template: SEED_DIGEST_TEMPLATE,
      from: '2009-11-05',
      to: '2009-11-05',
      items: [bookmark({ url: 'https://example.com/bare' })],
      groupByTag: false,
    });
    expect(digest.html).toContain('<li><a href="https://example.com/bare">https://example.com/bare</a></li>');
  });

  it('group links under their first tag, untagged last', () => {
    const digest = renderDigest({
      template: SEED_DIGEST_TEMPLATE,
      from: '2009-11-05',
      to: '2009-11-05',
      items: [
        bookmark({ url: 'https://a.example/', title: 'A', tags: ['tools'] }),
        bookmark({ url: 'https://b.example/', title: 'B' }),
        bookmark({ url: 'https://c.example/', title: 'C', tags: ['news', 'tools'] }),
        bookmark({ url: 'https://d.example/', title: 'D', tags: ['tools'] }),
      ],
      groupByTag: true,
    });
    const order = [...digest.html.matchAll(/<li>([^<\n]+)\n|>([A-D])<\/a>/g)].map(
      (match) => match[1] ?? match[2],
    );
    expect(order).toEqual(['tools', 'A', 'D', 'news', 'C', 'Other links', 'B']);
  });

  it('keep unknown tokens visible and fill each token once', () => {
    expect(
      fillTemplate('{title} {nope} {#comment}[{comment}]{/comment}', { title: '{comment}', comment: '' }),
    ).toBe('{comment} {nope} ');
  });

  it('say which date format is wrong', () => {
    expect(() =>
      renderDigest({
        template: { ...SEED_DIGEST_TEMPLATE, dateFormat: 'MMMM do YYYY' },
        from: '2009-11-05',
        to: '2009-11-05',
        items: [],
        groupByTag: false,
      }),
    ).toThrow(/The date format "MMMM do YYYY" is not one Postwright understands/);
  });
});

describe('a single link as a bookmark post', () => {
  it('puts the link first, then the quote and the comment, all escaped', () => {
    expect(
      bookmarkPostHtml(
        bookmark({
          url: 'https://example.com/?a=1&b=2',
          title: 'A <b>title</b>',
          description: 'Quote "this"',
          comment: 'Mine & yours',
        }),
      ),
    ).toBe(
      '<p><a href="https://example.com/?a=1&amp;b=2">A &lt;b&gt;title&lt;/b&gt;</a></p>\n' +
        '<blockquote><p>Quote &quot;this&quot;</p></blockquote>\n<p>Mine &amp; yours</p>',
    );
    expect(bookmarkPostHtml(bookmark({ url: 'https://example.com/' }))).toBe(
      '<p><a href="https://example.com/">https://example.com/</a></p>',
    );
  });
});
