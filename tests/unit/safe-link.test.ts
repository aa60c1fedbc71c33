import { describe, expect, it } from 'vitest';
import { safeLinkHref } from '../../shared/net/safe-link';

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
