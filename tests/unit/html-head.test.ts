import { describe, expect, it } from 'vitest';
import { readMetadata, sniffMetaCharset } from '../../main/core/inbox/html/read-metadata';
import { decodePage } from '../../main/core/inbox/metadata/decode-page';

const PAGE = 'https://example.com/articles/1';

describe('reading a page’s <head>', () => {
  it('prefers og: and twitter: tags, then the meta description and <title>', () => {
    const html = `<!doctype html><html><head>
      <title>Plain title | Site</title>
      <meta name="description" content="Meta description">
      <meta name="twitter:title" content="Twitter title">
      <meta property="og:title" content="OG &amp; title">
      <meta property="og:site_name" content="Example Site">
      <link rel="canonical" href="/articles/1?ref=canonical">
      </head><body><meta property="og:description" content="in the body, ignored"></body></html>`;
    expect(readMetadata(html, PAGE)).toEqual({
      title: 'OG & title',
      description: 'Meta description',
      siteName: 'Example Site',
      canonicalUrl: 'https://example.com/articles/1?ref=canonical',
    });
  });

  it('falls back to <title> and og:url; attributes in any case, quoting or order', () => {
    const html = `<HEAD><TITLE>
      A   title
      over lines</TITLE><META CONTENT='Single quoted' NAME=Description><meta content=unquoted property=og:url></HEAD>`;
    expect(readMetadata(html, PAGE)).toMatchObject({
      title: 'A title over lines',
      description: 'Single quoted',
      canonicalUrl: 'https://example.com/articles/unquoted',
    });
  });

  it('keeps markup inside <title> as text and never reads scripts or comments as tags', () => {
    const html = `<head><title><script>alert("x")</script> &lt;b&gt;Bold&lt;/b&gt;</title>
      <script>document.write('<meta property="og:title" content="from script">')</script>
      <!-- <meta name="description" content="from a comment"> -->
      <style>meta { }</style></head>`;
    const meta = readMetadata(html, PAGE);
    expect(meta.title).toBe('<script>alert("x")</script> <b>Bold</b>');
    expect(meta.description).toBe('');
  });

  it('ignores javascript: and data: canonical links', () => {
    expect(readMetadata('<link rel="canonical" href="javascript:alert(1)">', PAGE).canonicalUrl).toBe('');
    expect(readMetadata('<meta property="og:url" content="data:text/html,x">', PAGE).canonicalUrl).toBe('');
  });

  it('survives hostile and broken markup without hanging', () => {
    const nasty = [
      '<title>unterminated',
      '<meta content="no end',
      '<<<<>>>>',
      '<a ' + '"'.repeat(10_000),
      '<!--',
      '<script>'.repeat(1000),
      '<meta __proto__="x" constructor="y" content="z" name="description">',
      '</',
      '&#0; &#xD800; &#99999999; &bogus;',
    ];
    for (const html of nasty) expect(() => readMetadata(html, PAGE)).not.toThrow();
    expect(readMetadata('<title>unterminated', PAGE).title).toBe('unterminated');
    expect(readMetadata(nasty[6]!, PAGE).description).toBe('z');
    const huge = '<head><title>Big</title>' + '<meta name="x" content="y">'.repeat(100_000);
    expect(readMetadata(huge, PAGE).title).toBe('Big');
  });

  it('caps titles and descriptions', () => {
    const meta = readMetadata(`<title>${'word '.repeat(1000)}</title>`, PAGE);
    expect(meta.title.length).toBeLessThanOrEqual(500);
    expect(meta.title.endsWith('…')).toBe(true);
  });
});

describe('tags and text, as htmlparser2 reads them', () => {
  it('lower-cases names and decodes attribute values and text', () => {
    const html = `<HEAD><TITLE>Hi &amp; bye</TITLE><META NAME=Description CONTENT="a=1&amp;b=2">
      <LINK REL="Canonical" HREF='/x?a=1&amp;b=2'></HEAD>`;
    expect(readMetadata(html, PAGE)).toMatchObject({
      title: 'Hi & bye',
      description: 'a=1&b=2',
      canonicalUrl: 'https://example.com/x?a=1&b=2',
    });
  });

  it('decodes entities as browsers do, including windows-1252 numeric ones', () => {
    const title = '<title>&eacute;&Uuml; &#8217; &#x2014; &#146; &mdash; &amp;amp; &nope;</title>';
    expect(readMetadata(title, PAGE).title).toBe('éÜ ’ — ’ — &amp; &nope;');
  });

  it('stops at the body even when the head is never closed', () => {
    const html = `<title>Head</title><meta name="description" content="in the head">
      <body><meta name="description" content="later"><p>text</p><title>Not this</title>`;
    expect(readMetadata(html, PAGE)).toMatchObject({ title: 'Head', description: 'in the head' });
    expect(sniffMetaCharset('<body><meta charset="koi8-r">')).toBeNull();
    expect(sniffMetaCharset('<meta charset=" ISO-8859-2 "><meta charset="utf-8">')).toBe('iso-8859-2');
  });
});

describe('decoding page bytes', () => {
  const cafe1252 = Uint8Array.from([
    0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x94,
  ]);
  it('uses the charset from the header, then <meta>, then UTF-8 if valid, else windows-1252', () => {
    expect(decodePage(cafe1252, 'text/html; charset=windows-1252')).toBe('<title>Café “q”');
    expect(decodePage(cafe1252, 'text/html')).toBe('<title>Café “q”');
    const declared = new TextEncoder().encode('<meta charset="iso-8859-1"><title>x</title>');
    expect(decodePage(Uint8Array.from([...declared, 0xe9]), 'text/html')).toContain('xé'.slice(1));
    expect(decodePage(new TextEncoder().encode('<title>Café ☕</title>'), undefined)).toBe(
      '<title>Café ☕</title>',
    );
    expect(sniffMetaCharset('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')).toBe(
      'shift_jis',
    );
  });
});
