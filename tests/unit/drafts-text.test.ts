import { describe, expect, it } from 'vitest';
import {
  countWords,
  countWordsInHtml,
  htmlToText,
  leadingText,
  snippetOf,
} from '../../main/core/drafts/draft-text';

const SAMPLES = [
  '<p>One two three</p>',
  '<h2>Hello</h2><p>Four &amp; five six seven.</p>',
  "<p>don’t stop-me now_ok it's</p>",
  '<p>wo<b>rd</b> split<br>here</p><ul><li>a</li><li>b</li></ul>',
  '<p>caf&eacute; naïve &#x1F600; 東京 2009</p>',
  '<p>before</p><script>var not = "words here";</script><style>p { x: y }</style><p>after</p>',
  '<p>text <!-- a comment with words --> more</p><!--more--><p>body</p>',
  '<p>&nbsp;&nbsp;spaced&nbsp;out&nbsp;</p>',
  '',
];

describe('draft text', () => {
  it.each(SAMPLES)('counts words in one pass exactly as from the text: %s', (html) => {
    expect(countWordsInHtml(html)).toBe(countWords(htmlToText(html)));
  });

  it('takes a snippet of about 160 characters from the start, cut at a word', () => {
    const html = `<h2>Title</h2>${'<p>lorem ipsum dolor sit amet</p>'.repeat(50)}`;
    const snippet = snippetOf(leadingText(html, 160));
    expect(snippet.startsWith('Title lorem ipsum')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(161);
    expect(snippet.endsWith('…')).toBe(true);
    expect(
      snippetOf(leadingText(`<p><img src="data:image/png;base64,${'A'.repeat(5000)}"></p><p>text</p>`, 160)),
    ).toBe('text');
  });
});
