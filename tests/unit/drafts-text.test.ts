import { describe, expect, it } from 'vitest';
import { wordCountOf } from '../../main/core/drafts/draft-index';
import { countWords, htmlToText, leadingText, snippetOf } from '../../main/core/drafts/draft-text';

const SAMPLES: [string, number][] = [
  ['<p>One two three</p>', 3],
  ['<h2>Hello</h2><p>Four &amp; five six seven.</p>', 5],
  ["<p>don’t stop-me now_ok it's</p>", 4],
  ['<p>wo<b>rd</b> split<br>here</p><ul><li>a</li><li>b</li></ul>', 5],
  ['<p>caf&eacute; naïve &#x1F600; 東京 2009</p>', 4],
  ['<p>before</p><script>var not = "words here";</script><style>p { x: y }</style><p>after</p>', 2],
  ['<p>text <!-- a comment with words --> more</p><!--more--><p>body</p>', 3],
  ['<p>&nbsp;&nbsp;spaced&nbsp;out&nbsp;</p>', 2],
  ['', 0],
  // A "<" that starts no tag is text, as in a browser.
  ['<p>a < b and c > d</p>', 5],
];

describe('draft text', () => {
  it.each(SAMPLES)('counts the words of the text: %s', (html, words) => {
    expect(wordCountOf(html)).toBe(words);
  });

  it('breaks lines at blocks, once per written tag, and keeps no text of scripts, templates or noscript', () => {
    expect(htmlToText('<p>wo<b>rd</b> split<br>here</p><ul><li>a<li>b</ul>')).toBe(
      '\nword split\nhere\n\n\na\nb\n',
    );
    expect(
      htmlToText('<noscript><p>hidden</p></noscript><template><b>x</b></template><p>shown &amp; told</p>'),
    ).toBe('\nshown & told\n');
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

describe('counting words in hostile text', () => {
  it('counts a ten-million-letter word as one word, without running out of stack', () => {
    const word = 'x'.repeat(10_000_000);
    expect(countWords(word)).toBe(1);
    expect(countWords(`one ${word} three ${'é'.repeat(5000)}-co-op’s`)).toBe(4);
  });

  it.each([
    ["'quoted'", 1],
    ['-- - ’', 0],
    ["x-'y", 1],
    [`${'a'.repeat(4096)}-${'b'.repeat(4096)}`, 1],
    [`${'a'.repeat(4095)}- b`, 2],
  ])('joins the pieces of long runs the same way: %#', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
