import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from '../../main/core/drafts/html-sanitize';
import { escapeAttribute } from '../../main/core/drafts/html-sanitize';
import { safeLinkHref } from '../../shared/net/safe-link';

/** The href the core's sanitiser keeps for a link written with `attribute` as its HTML source. */
function sanitisedHref(attribute: string): string | null {
  const out = sanitizeHtml(`<p><a href="${attribute}">words</a></p>`);
  const href = /<a href="([^"]*)"/.exec(out)?.[1];
  return href === undefined ? null : href.replace(/&amp;/g, '&');
}

// Each hostile target as an author or a page could write it: the decoded value the editor's link
// field sees, and the HTML source the sanitiser parses (entities and all). Both must refuse it.
const HOSTILE: [decoded: string, source: string][] = [
  ['javascript:alert(1)', 'javascript:alert(1)'],
  ['java\tscript:alert(1)', 'java&#x09;script:alert(1)'],
  ['java\nscript:alert(1)', 'java&#10;script:alert(1)'],
  ['java\rscript:alert(1)', 'java&#13;script:alert(1)'],
  ['\u0001javascript:alert(1)', '&#x01;javascript:alert(1)'],
  ['javascript:alert(1)', '&#106;avascript:alert(1)'],
  ['javascript:alert(1)', '&#x6A;&#x61;vascript&colon;alert(1)'],
  ['javascript:alert(1)', '&#0000106avascript:alert(1)'],
  ['JaVaScRiPt:alert(1)', 'JaVaScRiPt:alert(1)'],
  ['vbscript:msgbox(1)', 'vbscript&#58;msgbox(1)'],
  ['data:text/html,<script>alert(1)</script>', 'data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;'],
  // A tab inside a web scheme is not a typo to repair: the stricter policy refuses it.
  ['ht\ttps://example.com/', 'ht&#9;tps://example.com/'],
  ['https://bank.example@evil.example/', 'https://bank.example@evil.example/'],
  ['//user:secret@evil.example/', '//user:secret@evil.example/'],
  ['file:///etc/passwd', 'file:///etc/passwd'],
];

const KEPT = [
  'https://example.com/a?b=c#d',
  'mailto:vicky@example.org',
  '/about',
  '#section',
  '//example.com/x',
];

describe('the one link-scheme policy: the editor and the core sanitiser agree', () => {
  it.each(HOSTILE)('refuses %j in the editor and %j in HTML', (decoded, source) => {
    expect(safeLinkHref(decoded)).toBeNull();
    expect(sanitisedHref(source)).toBeNull();
  });

  it.each(KEPT)('keeps %s in both', (href) => {
    expect(safeLinkHref(href)).not.toBeNull();
    expect(sanitisedHref(escapeAttribute(href))).toBe(href);
  });

  it('keeps an image or a quote source only when it is a web address', () => {
    const out = sanitizeHtml(
      '<blockquote cite="mailto:a@example.org"><p>q</p></blockquote><img src="java&#9;script:x" alt="a"><img src="https://example.com/i.png" alt="b">',
    );
    expect(out).not.toContain('mailto:');
    expect(out).not.toContain('script:');
    expect(out).toContain('src="https://example.com/i.png"');
  });
});
