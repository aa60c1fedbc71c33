import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../shared/model/bookmark';
import { exportNetscape } from '../../main/core/inbox/export-netscape';
import { parseImport } from '../../main/core/inbox/importers/detect';
import { parseCsv } from '../../main/core/inbox/importers/pocket';
import { bookmarkOf } from '../support/bookmarks';

const read = (path: string) => readFileSync(`tests/fixtures/${path}`, 'utf8');

describe('importing bookmark files (format read from the content)', () => {
  it('reads the seed’s Netscape file: titles, ADD_DATE, TAGS and <DD> descriptions', () => {
    const { format, links } = parseImport(read('digest-2009-11-05/bookmarks.html'), 'whatever.txt');
    expect(format).toBe('netscape');
    expect(links).toHaveLength(5);
    expect(links[0]).toEqual({
      url: 'http://data.govt.nz/',
      title: 'data.govt.nz',
      tags: ['opendata', 'nz'],
      addedAt: '2009-11-05T10:12:00.000Z',
      description: expect.stringMatching(
        /^Today, the Department of Internal Afairs launched data\.govt\.nz, .*organizations\.$/,
      ),
    });
    expect(links[4]!.title).toBe('2 of 3 Feel They Can’t Influence Local Decisions');
    expect(links[4]!.addedAt).toBe('2009-11-08T19:45:00.000Z');
  });

  it('reads a browser export with nested folders as tags, entities decoded, places skipped', () => {
    const { links } = parseImport(read('inbox/browser-folders.html'), 'bookmarks.html');
    expect(links.map((link) => link.url)).toEqual([
      'https://developer.mozilla.org/',
      'https://cooking.example.com/bread',
      'javascript:alert(1)',
    ]);
    expect(links[0]).toMatchObject({ title: 'MDN Web Docs', tags: [] });
    expect(links[1]).toMatchObject({
      title: 'Bread & butter <pudding>',
      tags: ['Recipes'],
      description: 'Multi-line description text',
      addedAt: '2020-09-13T12:31:40.000Z',
    });
  });

  it('decodes attribute values and titles in any case or quoting, and reads no link from a comment', () => {
    const file = `<!DOCTYPE NETSCAPE-Bookmark-file-1><DL><p>
      <!-- <DT><A HREF="https://commented.example/">Old</A> -->
      <DT><a href=https://x.example/?a=1&amp;b=2 Tags='one,two' COMMENT="it&#39;s &quot;good&quot;">Hi &amp; bye</a>
      <DD>Caf&eacute; &#x2014; <b>bold</b>
    </DL>`;
    expect(parseImport(file, 'bookmarks.html').links).toEqual([
      {
        url: 'https://x.example/?a=1&b=2',
        title: 'Hi & bye',
        tags: ['one', 'two'],
        comment: 'it\'s "good"',
        description: 'Café — bold',
      },
    ]);
  });

  it('reads Pinboard JSON: description is the title, extended the quote, space-separated tags', () => {
    const { format, links, unreadable } = parseImport(read('inbox/pinboard.json'), 'pinboard_export');
    expect(format).toBe('pinboard-json');
    expect(unreadable).toBe(1);
    expect(links[0]).toEqual({
      url: 'https://indieweb.org/Micropub',
      title: 'Micropub - IndieWeb',
      description: expect.stringContaining('open API standard'),
      tags: ['indieweb', 'micropub'],
      addedAt: '2021-03-04T09:15:00.000Z',
    });
  });

  it('reads Pocket’s HTML export, the read archive arriving archived', () => {
    const { format, links } = parseImport(read('inbox/pocket.html'), 'ril_export.html');
    expect(format).toBe('pocket-html');
    expect(links).toEqual([
      expect.objectContaining({
        title: 'Tech in 2020 & beyond',
        tags: ['news', 'tech'],
        archived: false,
        addedAt: '2020-01-01T12:00:00.000Z',
      }),
      expect.objectContaining({ url: 'https://example.com/untitled', archived: false }),
      expect.objectContaining({ title: 'Already read', tags: ['reading'], archived: true }),
    ]);
  });

  it('reads Pocket’s CSV export with quoted fields', () => {
    const { format, links } = parseImport(read('inbox/pocket.csv'), 'part_000000.csv');
    expect(format).toBe('pocket-csv');
    expect(links).toEqual([
      expect.objectContaining({ title: 'Tech in 2020, and beyond', tags: ['news', 'tech'], archived: false }),
      expect.objectContaining({ url: 'https://example.com/untitled', title: '' }),
      expect.objectContaining({
        title: 'He said "read this"',
        archived: true,
        addedAt: '2019-01-01T00:00:00.000Z',
      }),
    ]);
    expect(parseCsv('a,"b\nc",d\r\n1,2,3')).toEqual([
      ['a', 'b\nc', 'd'],
      ['1', '2', '3'],
    ]);
  });

  it('says plainly when a file is not a bookmark file', () => {
    expect(() => parseImport('just some notes', 'notes.txt')).toThrow(
      /notes\.txt is not a bookmark file Postwright knows/,
    );
    expect(() => parseImport('[{"url": ', 'cut.json')).toThrow(
      /cut\.json looks like JSON but cannot be read/,
    );
  });
});

describe('exporting the inbox', () => {
  it('writes a Netscape file that reads back with nothing lost', () => {
    const bookmarks: Bookmark[] = [
      bookmarkOf({
        id: '1',
        url: 'https://example.com/?a=1&b=2',
        key: 'k1',
        title: 'Ampersands & "quotes" <tags>',
        description: 'A quote with <b>markup</b> & more',
        comment: 'My "comment", with commas',
        tags: ['one', 'two words'],
        addedAt: '2009-11-05T10:12:00.000Z',
        updatedAt: '2009-11-06T10:12:00.000Z',
        archived: true,
      }),
    ];
    const { format, links } = parseImport(exportNetscape(bookmarks), 'export.html');
    expect(format).toBe('netscape');
    expect(links).toEqual([
      {
        url: 'https://example.com/?a=1&b=2',
        title: 'Ampersands & "quotes" <tags>',
        description: 'A quote with <b>markup</b> & more',
        comment: 'My "comment", with commas',
        tags: ['one', 'two words'],
        addedAt: '2009-11-05T10:12:00.000Z',
        archived: true,
      },
    ]);
  });
});
