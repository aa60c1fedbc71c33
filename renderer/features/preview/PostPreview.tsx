import { useEffect, useMemo, useState } from 'react';
import { useCore } from '../../core/CoreContext';
import { withShortcut } from '../commands/platform';
import { useBlogs } from '../editor/PostPanel/useBlogs';
import { previewDocument } from './preview-document';
import './preview.css';
import { useBlogStylesheet } from './useBlogStylesheet';

export interface PreviewSource {
  title: string;
  html: string;
  /** The draft whose images the HTML points at (inlined by the core), if any. */
  draftId: string | null;
  blogId: string | null;
}

/**
 * The post as the blog will show it, in a sandboxed frame that runs no script: the blog's own
 * stylesheet when the author asks for it (fetched once and cached by the core), else a clean
 * reading style. Used beside the editor and for the digest.
 */
export function PostPreview({
  source,
  style,
  onStyle,
  onClose,
}: {
  source: PreviewSource;
  style: 'blog' | 'clean';
  onStyle: (style: 'blog' | 'clean') => void;
  onClose?: () => void;
}) {
  const core = useCore();
  const blogs = useBlogs();
  const blogId = source.blogId ?? (blogs?.length === 1 ? blogs[0]!.id : null);
  const blogName = blogs?.find((blog) => blog.id === blogId)?.name;
  const { state, refresh } = useBlogStylesheet(blogId, style === 'blog');
  // The HTML with the draft's images inlined, for the text it was made from.
  const [inlined, setInlined] = useState<{ from: string; html: string } | null>(null);
  const html = !source.draftId ? source.html : inlined?.from === source.html ? inlined.html : source.html;

  useEffect(() => {
    if (!source.draftId) return;
    let live = true;
    core
      .call('preview-html', { draftId: source.draftId, html: source.html })
      .then((result) => live && setInlined({ from: source.html, html: result }))
      .catch(() => live && setInlined({ from: source.html, html: source.html }));
    return () => {
      live = false;
    };
  }, [core, source.draftId, source.html]);

  const css = style === 'blog' && state.kind === 'ready' ? state.sheet.css : null;
  const document = useMemo(
    () => previewDocument({ title: source.title, html, css }),
    [source.title, html, css],
  );

  return (
    <section className="preview" aria-label="Preview">
      <header className="preview__bar">
        <h2 className="preview__heading">Preview</h2>
        <div className="preview__styles" role="group" aria-label="Preview style">
          <button
            type="button"
            className="button"
            aria-pressed={style === 'blog'}
            disabled={!blogId}
            title={blogId ? undefined : 'Choose a blog for this post in its settings first'}
            onClick={() => onStyle('blog')}
          >
            {blogName ? `${blogName}’s style` : 'Blog’s style'}
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={style === 'clean'}
            onClick={() => onStyle('clean')}
          >
            Clean
          </button>
        </div>
        {style === 'blog' && state.kind === 'ready' && (
          <button type="button" className="link-button" onClick={refresh}>
            Fetch the style again
          </button>
        )}
        <span className="preview__state" role="status">
          {style === 'blog' && state.kind === 'loading' && 'Fetching the blog’s stylesheet…'}
          {style === 'blog' && state.kind === 'failed' && `${state.message}`}
        </span>
        {onClose && (
          <button
            type="button"
            className="icon-button"
            aria-label="Close preview"
            title={withShortcut('Close preview', 'view.preview')}
            onClick={onClose}
          >
            ✕
          </button>
        )}
      </header>
      <iframe
        className="preview__frame"
        title="Post preview"
        sandbox=""
        referrerPolicy="no-referrer"
        srcDoc={document}
        data-style={css ? 'blog' : 'clean'}
      />
    </section>
  );
}
