import { useMemo } from 'react';
import { sanitizeHtml } from '../editor/html/sanitize-html';

/**
 * The digest as it will read. The HTML is the author's templates around escaped link text, and is
 * sanitised again before it is shown, so a template cannot run anything in the app either.
 */
export function DigestPreviewPane({ title, html }: { title: string; html: string }) {
  const clean = useMemo(() => sanitizeHtml(html), [html]);
  return (
    <article className="digest-preview" aria-label="Digest preview">
      <h2 className="digest-preview__title" data-testid="digest-title">
        {title}
      </h2>
      <div
        className="digest-preview__body"
        data-testid="digest-body"
        dangerouslySetInnerHTML={{ __html: clean }}
      />
    </article>
  );
}
