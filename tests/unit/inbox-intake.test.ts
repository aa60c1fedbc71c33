// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { linkFromBookmarkUrl } from '../../main/electron/bookmark-links';
import { linksFromTransfer } from '../../renderer/features/inbox/drop-data';

const transfer = (data: Record<string, string>) => ({
  types: Object.keys(data),
  getData: (type: string) => data[type] ?? '',
});

describe('links from a drop or a paste', () => {
  it('reads anchors (their text is the title), uri-lists and URLs in text, each address once', () => {
    const links = linksFromTransfer(
      transfer({
        'text/html':
          '<p>See <a href="https://a.example/one">The <b>first</b> one</a> and <a href="javascript:alert(1)">bad</a></p>',
        'text/uri-list':
          '# a comment\r\nhttps://a.example/one\r\nhttps://b.example/two\r\nfile:///etc/passwd',
        'text/plain': 'also https://c.example/three, and (https://d.example/four).',
      }),
    );
    expect(links).toEqual([
      { url: 'https://a.example/one', title: 'The first one' },
      { url: 'https://b.example/two' },
      { url: 'https://c.example/three' },
      { url: 'https://d.example/four' },
    ]);
  });

  it('finds nothing in a drop without web links', () => {
    expect(linksFromTransfer(transfer({ 'text/plain': 'just words' }))).toEqual([]);
  });
});

describe('postwright://bookmark links (the desktop bookmarklet)', () => {
  it('carry the page, its title and the selected text', () => {
    expect(
      linkFromBookmarkUrl(
        'postwright://bookmark?url=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1&title=A%20page&quote=Selected%20words',
      ),
    ).toEqual({ url: 'https://example.com/a?b=1', title: 'A page', description: 'Selected words' });
  });

  it('take only http(s) pages and only the bookmark action', () => {
    expect(linkFromBookmarkUrl('postwright://bookmark?url=javascript%3Aalert(1)')).toBeNull();
    expect(linkFromBookmarkUrl('postwright://other?url=https%3A%2F%2Fexample.com')).toBeNull();
    expect(linkFromBookmarkUrl('https://bookmark?url=https%3A%2F%2Fexample.com')).toBeNull();
    expect(linkFromBookmarkUrl('not a url')).toBeNull();
  });
});
