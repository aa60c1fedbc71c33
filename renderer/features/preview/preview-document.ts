import DOMPurify from 'dompurify';

/**
 * The page the preview frame shows: the post inside the markup most blog themes style (WordPress's
 * `.entry-title`, `.entry-content`, `.hentry`; microformats' `h-entry`), under either the blog's own
 * stylesheet (already sanitised by the core) or a clean reading style. The frame is sandboxed with
 * no scripts; the HTML is sanitised once more all the same.
 */

export const CLEAN_STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #fff; color: #222; font: 18px/1.65 Charter, 'Iowan Old Style', Georgia, 'DejaVu Serif', serif; }
.site-main { max-width: 40em; margin: 0 auto; padding: 40px 28px 80px; }
.entry-title { font-size: 2em; line-height: 1.2; margin: 0 0 0.8em; }
.entry-content img { max-width: 100%; height: auto; }
.entry-content a { color: #1d5c8f; }
.entry-content blockquote { margin: 1.2em 0; padding-left: 1em; border-left: 3px solid #ccc; color: #555; }
.entry-content pre, .entry-content code { font: 0.85em ui-monospace, Menlo, 'DejaVu Sans Mono', monospace; }
.entry-content pre { background: #f5f5f2; padding: 0.8em 1em; overflow: auto; }
.entry-content table { border-collapse: collapse; }
.entry-content th, .entry-content td { border: 1px solid #ccc; padding: 0.3em 0.6em; }
`;

function escapeText(text: string): string {
  return text.replace(/[&<>"]/g, (char) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' }[char]};`);
}

export function previewDocument({
  title,
  html,
  css,
}: {
  title: string;
  html: string;
  css: string | null;
}): string {
  const body = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form'] });
  // The core escapes `<` in the blog's stylesheet already; doing it again here means no text can ever
  // end the <style> element early, whoever sends it (`\3c ` is CSS's own escape for `<`).
  const style = (css ?? CLEAN_STYLE).replace(/</g, '\\3c ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${style}</style></head>
<body class="home blog single single-post postwright-preview">
<div id="page" class="site"><div id="content" class="site-content">
<main id="main" class="site-main wp-site-blocks">
<article class="post type-post status-publish hentry h-entry entry">
<header class="entry-header"><h1 class="entry-title p-name wp-block-post-title">${escapeText(title || 'Untitled')}</h1></header>
<div class="entry-content e-content wp-block-post-content">${body}</div>
</article></main></div></div></body></html>`;
}
