import { describe, expect, it } from 'vitest';
import { safeExternalUrl, safeLinkHref, webUrl } from '../../shared/net/safe-link';

describe('safeLinkHref', () => {
  it.each([
    ['https://example.com/a?b=c#d', 'https://example.com/a?b=c#d'],
    ['http://example.com', 'http://example.com/'],
    ['  https://example.com/trimmed  ', 'https://example.com/trimmed'],
    ['mailto:vicky@example.org', 'mailto:vicky@example.org'],
    ['/about', '/about'],
    ['#section', '#section'],
    ['?page=2', '?page=2'],
    ['2009/11/bookmarks', '2009/11/bookmarks'],
    ['//example.com/protocol-relative', '//example.com/protocol-relative'],
  ])('keeps %s', (raw, expected) => {
    expect(safeLinkHref(raw)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'chrome://settings',
    'https://user:secret@example.com/',
    'mailto:"<script>"@example.com',
    '',
    '   ',
  ])('refuses %j', (raw) => {
    expect(safeLinkHref(raw)).toBeNull();
  });
});

describe('webUrl and safeExternalUrl: the same policy for what is opened and what is fetched', () => {
  it('takes absolute web addresses, and relative ones against a base', () => {
    expect(webUrl(' https://example.com/a b ')).toBe('https://example.com/a%20b');
    expect(webUrl('/rsd.xml', 'https://example.com/blog/')).toBe('https://example.com/rsd.xml');
    expect(safeExternalUrl('http://example.com')).toBe('http://example.com/');
  });

  it.each([
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,x',
    'https://bank.example@evil.example/',
    'ftp://example.com/',
    '/relative-without-base',
  ])('refuses %j', (raw) => {
    expect(webUrl(raw)).toBeNull();
    expect(safeExternalUrl(raw)).toBeNull();
    expect(webUrl(raw, raw.startsWith('/') ? 'file:///etc/' : undefined)).toBeNull();
  });
});
