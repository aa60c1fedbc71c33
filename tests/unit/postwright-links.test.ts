import { describe, expect, it } from 'vitest';
import { parsePostwrightLink } from '../../shared/links/postwright-link';

describe('postwright:// links', () => {
  it('add a page to the inbox, with its title and the selected text', () => {
    expect(
      parsePostwrightLink(
        'postwright://bookmark?url=https%3A%2F%2Fexample.com%2Fa%3Fb%3D1&title=A%20page&quote=Selected%20words',
      ),
    ).toEqual({
      ok: true,
      link: {
        kind: 'bookmark',
        link: { url: 'https://example.com/a?b=1', title: 'A page', description: 'Selected words' },
      },
    });
  });

  it('open a draft by its id', () => {
    expect(parsePostwrightLink('postwright://open?draft=mbc1x2-0a1b2c3d4e')).toEqual({
      ok: true,
      link: { kind: 'open-draft', draftId: 'mbc1x2-0a1b2c3d4e' },
    });
  });

  it('refuse anything else with a sentence to show', () => {
    const refused = [
      'postwright://bookmark?url=javascript%3Aalert(1)',
      'postwright://bookmark?url=file%3A%2F%2F%2Fetc%2Fpasswd',
      'postwright://bookmark',
      'postwright://open?draft=..%2F..%2Fsecrets',
      'postwright://open',
      'postwright://settings?theme=dark',
      'https://bookmark?url=https%3A%2F%2Fexample.com',
      'not a link',
      `postwright://bookmark?url=https%3A%2F%2Fexample.com%2F${'a'.repeat(70_000)}`,
    ];
    for (const link of refused) {
      const parsed = parsePostwrightLink(link);
      expect(parsed.ok, link.slice(0, 80)).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/^[A-Z].*\.$/);
    }
  });

  it('cut very long titles and quotes rather than refusing the page', () => {
    const parsed = parsePostwrightLink(
      `postwright://bookmark?url=https%3A%2F%2Fexample.com&title=${'t'.repeat(5000)}&quote=${'q'.repeat(30_000)}`,
    );
    expect(parsed.ok && parsed.link.kind === 'bookmark' && parsed.link.link.title?.length).toBe(2000);
    expect(parsed.ok && parsed.link.kind === 'bookmark' && parsed.link.link.description?.length).toBe(20_000);
  });
});
