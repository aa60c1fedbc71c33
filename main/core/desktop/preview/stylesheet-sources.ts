import { Parser } from 'htmlparser2';

/** A piece of a page's styling, in document order: a linked stylesheet or an inline `<style>`. */
export type StyleSource = { kind: 'link'; href: string } | { kind: 'inline'; css: string };

/**
 * The stylesheets a home page uses for the screen, in the order the browser applies them: each
 * `<link rel="stylesheet">` (print-only ones skipped; addresses resolved against the page) and each
 * `<style>` block of the page.
 */
export function stylesheetSources(html: string, pageUrl: string): StyleSource[] {
  const sources: StyleSource[] = [];
  let inStyle: { media: string; css: string } | null = null;
  const forScreen = (media: string | undefined) => !media || /\b(all|screen)\b/i.test(media);
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'style') inStyle = { media: attributes.media ?? '', css: '' };
        if (name !== 'link') return;
        const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
        if (!rel.includes('stylesheet') || rel.includes('alternate') || !forScreen(attributes.media)) return;
        try {
          const href = new URL(attributes.href ?? '', pageUrl);
          if (href.protocol === 'http:' || href.protocol === 'https:')
            sources.push({ kind: 'link', href: href.href });
        } catch {
          // An address that cannot be read is skipped, as a browser would.
        }
      },
      ontext(text) {
        if (inStyle) inStyle.css += text;
      },
      onclosetag(name) {
        if (name !== 'style' || !inStyle) return;
        if (forScreen(inStyle.media) && inStyle.css.trim())
          sources.push({ kind: 'inline', css: inStyle.css });
        inStyle = null;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html);
  return sources;
}
