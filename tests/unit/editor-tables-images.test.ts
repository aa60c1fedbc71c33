// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { bodyHtmlOf, editorFromHtml } from '../support/headless-editor';

/*
 * What a blog gets for a table and for an image laid out in the editor, and what the editor keeps of
 * a table or a captioned image that is pasted, imported or read back from a blog.
 */

const SRC = '/drafts/d1/assets/harbour-1a2b3c4d.png';

describe('a table', () => {
  it('is published as a plain table with its header row in <thead>', () => {
    const html =
      '<table style="width:300px"><colgroup><col width="40"></colgroup><tr><th>Day</th><th>Place</th></tr>' +
      '<tr><td>Monday</td><td>Hove <b>library</b></td></tr><tr><td>Friday</td><td></td></tr></table>';
    expect(bodyHtmlOf(editorFromHtml(html))).toBe(
      '<table><thead><tr><th>Day</th><th>Place</th></tr></thead>' +
        '<tbody><tr><td>Monday</td><td>Hove <strong>library</strong></td></tr><tr><td>Friday</td><td></td></tr></tbody></table>',
    );
  });

  it('keeps the grid of a spreadsheet paste instead of a paragraph per cell', () => {
    // As a spreadsheet puts it on the clipboard: styles, a <tbody>, no header.
    const pasted =
      '<meta charset="utf-8"><table border="0" style="border-collapse:collapse"><tbody>' +
      '<tr><td style="font-weight:700">Ward</td><td>Votes</td></tr><tr><td>Kemp Town</td><td align="right">1204</td></tr>' +
      '</tbody></table>';
    expect(bodyHtmlOf(editorFromHtml(pasted))).toBe(
      '<table><tbody><tr><td><strong>Ward</strong></td><td>Votes</td></tr><tr><td>Kemp Town</td><td>1204</td></tr></tbody></table>',
    );
  });
});

describe('an image', () => {
  it('is published as a WordPress caption figure with its alignment and size', () => {
    const html = `<figure class="wp-caption aligncenter"><img src="${SRC}" alt="The harbour" width="640" class="size-medium"><figcaption class="wp-caption-text">Shoreham at dawn</figcaption></figure>`;
    expect(bodyHtmlOf(editorFromHtml(html))).toBe(html);
  });

  it('without a caption carries its alignment and size on the <img>', () => {
    const html = `<p><img src="${SRC}" alt="The harbour" width="320" class="alignright size-small"> Text beside it.</p>`;
    expect(bodyHtmlOf(editorFromHtml(html))).toBe(html);
  });

  it('keeps a dragged width', () => {
    const html = `<p><img src="${SRC}" alt="x" width="417"></p>`;
    expect(bodyHtmlOf(editorFromHtml(html))).toBe(html);
  });
});
