// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { cleanExportedHtml, formatHtmlForEditing } from '../../renderer/features/editor/html/body-html';

describe('the HTML a post gets from the editor', () => {
  it('drops the editor-only classes, styles, spans and doubled tags, and keeps the structure', () => {
    const lexical =
      '<h2 class="editor-h2" dir="ltr"><span style="white-space: pre-wrap;">Works starts</span></h2>' +
      '<p class="editor-paragraph"><b><strong class="editor-text--bold" style="white-space: pre-wrap;">bold</strong></b>' +
      '<span style="white-space: pre-wrap;"> and </span><a href="https://example.com/" class="editor-link">' +
      '<span style="white-space: pre-wrap;">a link</span></a></p>' +
      '<ul class="editor-ul"><li value="1" class="editor-li"><span>one</span><ul class="editor-ul">' +
      '<li value="1" class="editor-li">nested</li></ul></li></ul><!--more--><p><img src="/drafts/a/assets/b.png" alt="x"></p>';
    expect(cleanExportedHtml(lexical)).toBe(
      '<h2>Works starts</h2><p><strong>bold</strong> and <a href="https://example.com/">a link</a></p>' +
        '<ul><li>one<ul><li>nested</li></ul></li></ul><!--more--><p><img src="/drafts/a/assets/b.png" alt="x"></p>',
    );
  });

  it('puts one block a line for the HTML source view', () => {
    expect(formatHtmlForEditing('<h2>A</h2><ul><li>b</li><li>c</li></ul><!--more--><p>d</p>')).toBe(
      '<h2>A</h2>\n<ul>\n<li>b</li>\n<li>c</li>\n</ul>\n<!--more-->\n<p>d</p>',
    );
  });
});
