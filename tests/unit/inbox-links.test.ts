// The fixtures' times are UTC, which is also the author's local time there.
process.env.TZ = 'UTC';

import { describe, expect, it } from 'vitest';
import { bookmarkMatcher } from '../../shared/inbox/filter';
import { mergeLink } from '../../shared/inbox/merge';
import { normalizeUrl, parseLink } from '../../shared/inbox/normalize-url';
import type { Bookmark } from '../../shared/model/bookmark';
import { bookmarkOf } from '../support/bookmarks';

describe('link normalisation', () => {
  it('treats case, default ports, trailing slashes and tracking parameters as the same page', () => {
    const same = [
      'http://data.govt.nz/',
      'HTTP://DATA.GOVT.NZ',
      'http://data.govt.nz:80/',
      'http://data.govt.nz/?utm_source=rss&utm_medium=feed&utm_campaign=x',
      'http://data.govt.nz/?fbclid=abc',
      'http://data.govt.nz/?gclid=1&mc_cid=2&mc_eid=3&yclid=4&msclkid=5&_ga=6&dclid=7',
      'http://data.govt.nz/#section',
    ];
    for (const url of same) expect(normalizeUrl(url), url).toBe('http://data.govt.nz');
    expect(normalizeUrl('https://example.com:443/a/b/')).toBe('https://example.com/a/b');
    expect(normalizeUrl('https://example.com/a/b?z=1&a=2&utm_term=x')).toBe(
      'https://example.com/a/b?a=2&z=1',
    );
  });

  it('keeps what tells pages apart: scheme, path case, real parameters, ports, #! fragments', () => {
    expect(normalizeUrl('https://example.com/')).not.toBe(normalizeUrl('http://example.com/'));
    expect(normalizeUrl('https://example.com/Page')).not.toBe(normalizeUrl('https://example.com/page'));
    expect(normalizeUrl('https://example.com/?id=1')).not.toBe(normalizeUrl('https://example.com/?id=2'));
    expect(normalizeUrl('https://example.com:8443/')).not.toBe(normalizeUrl('https://example.com/'));
    expect(normalizeUrl('https://example.com/#!/a')).not.toBe(normalizeUrl('https://example.com/#!/b'));
  });

  it('stores the address without tracking parameters but otherwise as given', () => {
    expect(parseLink('https://example.org/post?utm_source=twitter&id=7')).toMatchObject({
      ok: true,
      url: 'https://example.org/post?id=7',
    });
    expect(parseLink('http://gov2.net.au/blog/2009/11/03/govhack/')).toMatchObject({
      url: 'http://gov2.net.au/blog/2009/11/03/govhack/',
    });
    expect(parseLink('example.com/typed')).toMatchObject({ ok: true, url: 'https://example.com/typed' });
  });

  it('refuses what is not an http(s) web address, saying why', () => {
    for (const bad of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,hi',
      'ftp://example.com/',
    ]) {
      expect(parseLink(bad)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/Only http and https/),
      });
    }
    expect(parseLink('hello')).toMatchObject({ ok: false, reason: 'This is not a web address.' });
    expect(parseLink('https://user:pw@example.com/')).toMatchObject({ ok: false });
  });
});

const base: Bookmark = bookmarkOf({
  id: 'a',
  url: 'http://data.govt.nz/',
  key: 'http://data.govt.nz',
  title: 'Mine',
  comment: 'My words',
  tags: ['opendata'],
  addedAt: '2009-11-06T00:00:00.000Z',
  updatedAt: '2009-11-06T00:00:00.000Z',
});

describe('merging a duplicate', () => {
  it('keeps the earliest date and the author’s text, fills empty fields and joins tags', () => {
    const merged = mergeLink(
      base,
      {
        url: 'http://data.govt.nz/?utm_source=x',
        title: 'Theirs',
        description: 'A quote',
        comment: 'Other words',
        tags: ['OpenData', 'nz'],
        addedAt: '2009-11-05T10:12:00Z',
      },
      '2026-01-01T00:00:00.000Z',
    );
    expect(merged).toMatchObject({
      id: 'a',
      title: 'Mine',
      description: 'A quote',
      comment: 'My words',
      tags: ['opendata', 'nz'],
      addedAt: '2009-11-05T10:12:00.000Z',
    });
    expect(mergeLink(base, { url: base.url, addedAt: '2010-01-01T00:00:00Z' }, base.updatedAt).addedAt).toBe(
      base.addedAt,
    );
  });

  it('never copies the same words into both the quote and the comment', () => {
    const commented = { ...base, description: '', comment: 'Looks really useful.' };
    // The same page again, from a bookmark file whose note is the author's own comment.
    const again = mergeLink(
      commented,
      { url: base.url, description: ' Looks really  useful. ' },
      base.addedAt,
    );
    expect(again).toMatchObject({ description: '', comment: 'Looks really useful.' });
    const quoted = { ...base, description: 'Take the headache out.', comment: '' };
    expect(
      mergeLink(quoted, { url: base.url, comment: 'Take the headache out.' }, base.addedAt),
    ).toMatchObject({
      description: 'Take the headache out.',
      comment: '',
    });
  });

  it('brings a deleted link back', () => {
    expect(
      mergeLink({ ...base, deletedAt: base.addedAt }, { url: base.url }, base.addedAt).deletedAt,
    ).toBeNull();
  });
});

describe('the inbox filter', () => {
  const links: Bookmark[] = [
    { ...base, id: '1', tags: ['Tools'], addedAt: '2009-11-05T23:59:00.000Z' },
    { ...base, id: '2', addedAt: '2009-11-06T00:00:00.000Z', usedIn: ['d1'] },
    { ...base, id: '3', addedAt: '2009-11-09T00:00:00.000Z', archived: true, title: 'Somerton council' },
    { ...base, id: '4', addedAt: '2009-11-07T00:00:00.000Z', deletedAt: '2009-11-08T00:00:00.000Z' },
  ];
  const ids = (filter: Parameters<typeof bookmarkMatcher>[0]) =>
    links.filter(bookmarkMatcher(filter)).map((link) => link.id);

  it('filters by tag (any case), whole days, used or not, archive, and search words', () => {
    expect(ids({ tag: 'tools' })).toEqual(['1']);
    expect(ids({ from: '2009-11-05', to: '2009-11-05' })).toEqual(['1']);
    expect(ids({ from: '2009-11-06' })).toEqual(['2']);
    expect(ids({ used: 'unused' })).toEqual(['1']);
    expect(ids({ used: 'used' })).toEqual(['2']);
    expect(ids({ archived: 'archived' })).toEqual(['3']);
    expect(ids({ archived: 'all', query: 'SOMERTON council' })).toEqual(['3']);
    expect(ids({ archived: 'all' })).toEqual(['1', '2', '3']);
  });
});
