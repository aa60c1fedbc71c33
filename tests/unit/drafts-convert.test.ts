import { describe, expect, it } from 'vitest';
import { exportDraft, importDraft } from '../../main/core/drafts/draft-convert';
import { sanitizeHtml } from '../../main/core/drafts/html-sanitize';
import { blankDraftFields, type Draft } from '../../shared/model/draft';

const draft: Draft = {
  ...blankDraftFields(),
  id: 'abc-1',
  title: 'Events & "news" in Brighton',
  editorState: null,
  html: [
    '<p>Intro with <b>bold</b>, <i>italic</i> and <a href="https://example.com/a?b=1&amp;c=2">a link</a>.</p>',
    '<!--more-->',
    '<h2>Details</h2>',
    '<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>',
    '<blockquote><p>A quote</p></blockquote>',
    '<pre><code>const x = 1 &lt; 2;</code></pre>',
    '<p><img src="/drafts/abc-1/assets/pier-0a1b2c3d.png" alt="The pier"></p>',
  ].join(''),
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  status: 'draft',
  statusMessage: null,
  remote: null,
  wordCount: 12,
  trashedAt: null,
};

describe('exporting a draft', () => {
  it('writes a standalone HTML document with the title', () => {
    const { filename, content } = exportDraft(draft, 'html');
    expect(filename).toBe('events-news-in-brighton.html');
    expect(content).toMatch(/^<!doctype html>\n<html>/);
    expect(content).toContain('<meta charset="utf-8">');
    expect(content).toContain('<title>Events &amp; "news" in Brighton</title>');
    expect(content).toContain('<h1>Events &amp; "news" in Brighton</h1>');
    expect(content).toContain('<!--more-->');
    expect(content).toContain('<a href="https://example.com/a?b=1&amp;c=2">a link</a>');
    expect(content).toContain('<ul><li>one<ul><li>nested</li></ul></li><li>two</li></ul>');
  });

  it('writes Markdown with ATX headings, fenced code, dash bullets and the more break kept', () => {
    const { filename, content } = exportDraft(draft, 'md');
    expect(filename).toBe('events-news-in-brighton.md');
    expect(content).toBe(
      [
        '# Events & "news" in Brighton',
        '',
        'Intro with **bold**, _italic_ and [a link](https://example.com/a?b=1\\&c=2).',
        '',
        '<!--more-->',
        '',
        '## Details',
        '',
        '- one',
        '  - nested',
        '- two',
        '',
        '> A quote',
        '',
        '```',
        'const x = 1 < 2;',
        '```',
        '',
        '![The pier](/drafts/abc-1/assets/pier-0a1b2c3d.png)',
        '',
      ].join('\n'),
    );
  });

  it('keeps a task list in Markdown, and no other kind of input', () => {
    const html =
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" disabled checked>sent</li>' +
      '<li class="task-list-item"><input type="checkbox" disabled>to write</li></ul>' +
      '<p>Name: <input type="text" value="x" onfocus="alert(1)" autofocus></p>';
    expect(exportDraft({ ...draft, html }, 'md').content).toBe(
      '# Events & "news" in Brighton\n\n- [x] sent\n- [ ] to write\n\nName:\n',
    );
    expect(sanitizeHtml('<input type="checkbox" checked onclick="alert(1)" name="a">')).toBe(
      '<input type="checkbox" disabled checked>',
    );
  });

  it('names the file after the id when the draft has no title', () => {
    expect(exportDraft({ ...draft, title: '' }, 'md').filename).toBe('abc-1.md');
  });
});

describe('importing a file', () => {
  it('takes the title from <title> and drops a matching first heading', () => {
    const imported = importDraft(
      'export.html',
      '<!doctype html><html><head><title>My post</title><script>alert(1)</script></head>' +
        '<body><h1>My post</h1><p onclick="x()">Body <a href="javascript:alert(1)">link</a></p></body></html>',
    );
    expect(imported).toEqual({ title: 'My post', html: '<p>Body <a>link</a></p>' });
  });

  it('round-trips an export', () => {
    for (const format of ['html', 'md'] as const) {
      const { filename, content } = exportDraft(draft, format);
      const back = importDraft(filename, content);
      expect(back.title).toBe(draft.title);
      expect(back.html).toContain('<!--more-->');
      expect(back.html).toContain('nested');
      expect(back.html).toContain('<img src="/drafts/abc-1/assets/pier-0a1b2c3d.png" alt="The pier">');
    }
  });

  it('takes the title from a Markdown heading, front matter, or the file name', () => {
    expect(importDraft('a.md', '# Hello *world*\n\nSome **text**.\n')).toEqual({
      title: 'Hello world',
      html: '<p>Some <strong>text</strong>.</p>',
    });
    expect(importDraft('a.md', '---\ntitle: "From front matter"\ndate: 2009-11-05\n---\nText\n').title).toBe(
      'From front matter',
    );
    expect(importDraft('/home/me/weekly-links_2009.md', 'Just text\n').title).toBe('weekly links 2009');
    expect(importDraft('notes.html', '<p>Just text</p>').title).toBe('notes');
  });

  it('refuses other kinds of file with a sentence that says which work', () => {
    expect(() => importDraft('post.docx', 'x')).toThrow(
      /imports \.html and \.md files; post\.docx is neither/,
    );
  });
});

/** Pasted or imported HTML that tries to run something; none of it may survive. */
const HOSTILE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" \x01javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<svg onload=alert(1)><circle/></svg>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>@import "javascript:alert(1)";</style>',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<a href="#" onmouseover="alert(1)">x</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<video><source onerror=alert(1)></video>',
  '<a href="https://ok.example/" target="_blank" id="__proto__" name="x">ok</a>',
];

describe('the sanitiser', () => {
  it.each(HOSTILE)('leaves nothing executable of %s', (html) => {
    const clean = sanitizeHtml(html);
    expect(clean).not.toMatch(
      /<(script|iframe|object|embed|svg|math|style|base|meta|form|input|button|template)/i,
    );
    expect(clean).not.toMatch(/\son[a-z]+\s*=/i);
    expect(clean).not.toMatch(/javascript:|vbscript:|data:text|expression\(|style=/i);
    expect(clean).not.toMatch(/\s(id|name|target|srcdoc|formaction)=/i);
    // Idempotent: cleaning the result again changes nothing, so no parser round trip revives anything.
    expect(sanitizeHtml(clean)).toBe(clean);
  });

  it('keeps the structure of a post', () => {
    const post =
      '<h2 dir="ltr">Title</h2><p>Text <strong>bold</strong> <em>it</em> <u>u</u> <s>s</s> <code>c</code></p>' +
      '<ol start="3"><li value="3">a</li></ol><hr><pre data-language="js"><code>x</code></pre>' +
      '<p><a href="mailto:me@example.com">mail</a> <a href="/relative">rel</a></p>' +
      '<div class="h-event"><span class="p-name">Meeting</span> <time class="dt-start" datetime="2009-11-25T09:30">25 Nov</time></div>' +
      '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="tiny" width="10" height="10"></p><!--more--><!-- private -->';
    expect(sanitizeHtml(post)).toBe(
      '<h2 dir="ltr">Title</h2><p>Text <strong>bold</strong> <em>it</em> <u>u</u> <s>s</s> <code>c</code></p>' +
        '<ol start="3"><li value="3">a</li></ol><hr><pre data-language="js"><code>x</code></pre>' +
        '<p><a href="mailto:me@example.com">mail</a> <a href="/relative">rel</a></p>' +
        '<div class="h-event"><span class="p-name">Meeting</span> <time class="dt-start" datetime="2009-11-25T09:30">25 Nov</time></div>' +
        '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="tiny" width="10" height="10"></p><!--more-->',
    );
  });

  it('unwraps styling-only markup from word processors and keeps the text', () => {
    expect(
      sanitizeHtml(
        '<p class="MsoNormal" style="margin:0"><span style="font-family:Calibri"><o:p>Hello</o:p></span></p>',
      ),
    ).toBe('<p class="MsoNormal">Hello</p>');
  });

  it('survives very deep nesting', () => {
    const deep = '<div>'.repeat(1000) + 'deep' + '</div>'.repeat(1000);
    expect(sanitizeHtml(deep)).toContain('deep');
  });
});
