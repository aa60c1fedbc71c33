import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sanitizeCss } from '../../main/core/desktop/preview/sanitize-css';
import { stylesheetSources } from '../../main/core/desktop/preview/stylesheet-sources';
import { coreCaller, type CoreCall } from '../support/core-call';
import { addTestBlog } from '../support/publishing';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

describe('a blog’s stylesheet, made safe for the preview', () => {
  it('keeps the look and drops what would fetch or run', () => {
    const css = sanitizeCss(`
      @import url("https://fonts.example/fonts.css");
      @import 'more.css';
      body { color: #333; background: url(https://tracker.example/pixel.gif) no-repeat; }
      .logo { background-image: url('data:image/png;base64,iVBORw0KGgo='); }
      @font-face { font-family: X; src: url(/fonts/x.woff2) format('woff2'); }
      .old { width: expression(alert(1)); -moz-binding: url(evil.xml#x); behavior: url(evil.htc); }
      a[href^="javascript:"] { color: red; }
      .quote::before { content: "</style><script>alert(1)</script>"; }
    `);
    expect(css).toContain('color: #333');
    expect(css).toContain("url('data:image/png;base64,iVBORw0KGgo=')");
    expect(css).not.toMatch(/@import/i);
    expect(css).not.toMatch(/tracker\.example|fonts\.example|x\.woff2|evil/);
    expect(css).not.toMatch(/expression\(|-moz-binding|behavior\s*:|javascript:/i);
    expect(css).not.toContain('<');
  });

  it('reads the stylesheets of a home page in order, for the screen only', () => {
    const html = `<html><head>
      <link rel="stylesheet" href="/wp-content/themes/t/style.css?ver=1">
      <link rel="stylesheet" media="print" href="print.css">
      <link rel="alternate stylesheet" href="alt.css">
      <style id="global-styles-inline-css">body{margin:0}</style>
      <link rel="preload" href="font.woff2">
      <link rel="stylesheet" href="javascript:alert(1)">
      <style media="print">body{color:black}</style>
    </head><body><style>.late{}</style></body></html>`;
    expect(stylesheetSources(html, 'https://blog.example/')).toEqual([
      { kind: 'link', href: 'https://blog.example/wp-content/themes/t/style.css?ver=1' },
      { kind: 'inline', css: 'body{margin:0}' },
      { kind: 'inline', css: '.late{}' },
    ]);
  });
});

describe('the preview-stylesheet call', () => {
  const tempDir = useTempDir();
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  async function blogServer(pages: Record<string, { type: string; body: string }>): Promise<string> {
    server = createServer((request, response) => {
      const page = pages[request.url!];
      if (!page) return response.writeHead(404).end();
      response.writeHead(200, { 'Content-Type': page.type }).end(page.body);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** A core with one MetaWeblog blog at `homeUrl`, closed once `use` is done with them. */
  async function withBlog(homeUrl: string, use: (call: CoreCall, blogId: string) => Promise<void>) {
    const dir = tempDir();
    const core = createTestCore(dir);
    try {
      const blog = await addTestBlog(dir, { name: 'Blog', homeUrl, endpoint: `${homeUrl}xmlrpc.php` });
      await use(coreCaller(core), blog.id);
    } finally {
      await core.dispose();
    }
  }

  it('fetches the blog’s styles once, keeps them per blog, and fetches again when asked', async () => {
    let css = 'body { color: rgb(1, 2, 3); }';
    const pages = {
      '/': {
        type: 'text/html',
        body: '<link rel="stylesheet" href="/style.css"><style>h1{font-size:3em}</style>',
      },
      '/style.css': {
        type: 'text/css',
        get body() {
          return css;
        },
      },
    };
    const base = await blogServer(pages);
    await withBlog(`${base}/`, async (call, blogId) => {
      const first = await call('preview-stylesheet', { blogId });
      expect(first.css).toContain('rgb(1, 2, 3)');
      expect(first.css).toContain('h1{font-size:3em}');
      expect(first.sources).toEqual([`${base}/style.css`]);
      css = 'body { color: rgb(9, 9, 9); }';
      expect((await call('preview-stylesheet', { blogId })).css).toContain('rgb(1, 2, 3)');
      expect((await call('preview-stylesheet', { blogId, refresh: true })).css).toContain('rgb(9, 9, 9)');
    });
  });

  it('says in one sentence when the blog cannot be reached', async () => {
    await withBlog('http://127.0.0.1:9/', async (call, blogId) => {
      await expect(call('preview-stylesheet', { blogId })).rejects.toThrow(
        /^Nothing answers at that address/,
      );
    });
  });
});
