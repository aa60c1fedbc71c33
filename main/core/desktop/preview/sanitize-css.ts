/**
 * Makes a blog's CSS safe to show the author's post in: the preview must look like the blog without
 * reaching the network or escaping its `<style>` element. So:
 * - `@import` rules go (they would fetch more);
 * - every `url(…)` that is not an inline image or font becomes `none` (no request leaves the app);
 * - old script hooks go: `expression(…)`, `-moz-binding`, `behavior`, `javascript:`;
 * - `<` is escaped, so the text can never close the `<style>` it is put in;
 * - it is cut at MAX_CSS_CHARS.
 * The app's Content-Security-Policy, which the preview frame inherits, blocks remote loads as well,
 * so a `url` spelled with CSS escapes (which these patterns do not decode) still fetches nothing.
 */
export const MAX_CSS_CHARS = 1_500_000;

const INLINE_DATA =
  /^data:(image\/(png|jpeg|gif|webp|avif|svg\+xml)|font\/[a-z0-9.+-]+|application\/(x-)?font-[a-z0-9.+-]+)[;,]/i;

export function sanitizeCss(css: string): string {
  let text = css.slice(0, MAX_CSS_CHARS);
  // Comments first, so nothing can hide inside one and nothing legitimate is cut by one.
  text = text.replace(/\/\*[\s\S]*?(\*\/|$)/g, '');
  text = text.replace(/@import\b[^;]*;?/gi, '');
  text = text.replace(
    /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi,
    (whole, a?: string, b?: string, c?: string) => {
      const target = (a ?? b ?? c ?? '').trim();
      return INLINE_DATA.test(target) ? whole : 'none';
    },
  );
  text = text.replace(/expression\s*\(/gi, 'invalid(');
  text = text.replace(/-moz-binding\s*:[^;}]*/gi, '');
  text = text.replace(/(^|[;{\s])behavior\s*:[^;}]*/gi, '$1');
  text = text.replace(/javascript\s*:/gi, 'invalid:');
  return text.replace(/</g, '\\3c ');
}
