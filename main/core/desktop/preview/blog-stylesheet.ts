import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { CoreFailure } from '../../../../shared/contract/errors';
import type { PreviewStylesheet } from '../../../../shared/model/ui-state';
import { writeFileAtomic } from '../../fs/atomic-write';
import type { HttpClient } from '../../platform/http';
import { fetchBlogText } from './fetch-blog-text';
import { sanitizeCss, MAX_CSS_CHARS } from './sanitize-css';
import { stylesheetSources } from './stylesheet-sources';

const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_SHEET_BYTES = 1024 * 1024;
const MAX_SHEETS = 12;

const cacheSchema = z.object({
  blogId: z.string(),
  css: z.string(),
  sources: z.array(z.string()),
  fetchedAt: z.string(),
});

/**
 * A blog's look for the preview: the stylesheets its home page uses, fetched once and kept in
 * `preview-styles/<blog id>.json` of the data folder until the author asks for them again.
 */
export class BlogStylesheets {
  constructor(private readonly deps: { dataDir: string; http: HttpClient; now: () => Date }) {}

  async get(
    blog: { id: string; homeUrl: string },
    refresh: boolean,
    signal: AbortSignal,
  ): Promise<PreviewStylesheet> {
    if (!refresh) {
      const cached = await this.cached(blog.id);
      if (cached) return cached;
    }
    const sheet = await this.fetch(blog, signal);
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.file(blog.id), JSON.stringify(sheet));
    return sheet;
  }

  private async fetch(
    blog: { id: string; homeUrl: string },
    signal: AbortSignal,
  ): Promise<PreviewStylesheet> {
    const page = await fetchBlogText(this.deps.http, blog.homeUrl, {
      accept: 'text/html,application/xhtml+xml;q=0.9',
      maxBytes: MAX_PAGE_BYTES,
      signal,
    });
    const parts: string[] = [];
    const sources: string[] = [];
    let sheets = 0;
    let length = 0;
    for (const source of stylesheetSources(page.text, page.url)) {
      if (length > MAX_CSS_CHARS) break;
      let css: string;
      if (source.kind === 'inline') css = source.css;
      else {
        if (++sheets > MAX_SHEETS) continue;
        // One stylesheet that fails does not spoil the rest, as in a browser.
        const sheet = await fetchBlogText(this.deps.http, source.href, {
          accept: 'text/css,*/*;q=0.1',
          maxBytes: MAX_SHEET_BYTES,
          signal,
        }).catch(() => null);
        if (!sheet || !/css|text\/plain|^$/i.test(sheet.contentType)) continue;
        css = sheet.text;
        sources.push(source.href);
      }
      const clean = sanitizeCss(css);
      parts.push(clean);
      length += clean.length;
    }
    if (parts.length === 0)
      throw new CoreFailure(
        'not-found',
        `${blog.homeUrl} links no stylesheet Postwright could read; the preview keeps the clean style.`,
      );
    return { blogId: blog.id, css: parts.join('\n'), sources, fetchedAt: this.deps.now().toISOString() };
  }

  private get folder(): string {
    return join(this.deps.dataDir, 'preview-styles');
  }

  private file(blogId: string): string {
    return join(this.folder, `${blogId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`);
  }

  private async cached(blogId: string): Promise<PreviewStylesheet | null> {
    try {
      const cached = cacheSchema.parse(JSON.parse(await readFile(this.file(blogId), 'utf8')));
      return cached.blogId === blogId ? cached : null;
    } catch {
      return null;
    }
  }
}
