import { useRef, useState } from 'react';
import { AddBlogDialog } from '../../blogs/AddBlogDialog';
import type { BlogChoice } from './useBlogs';

/**
 * Where the post goes. With no blog yet, the way to add one is right here (a disabled select would
 * be skipped by Tab and say nothing); once a blog is added it is chosen and the focus comes back.
 */
export function BlogField({
  blogs,
  blogId,
  onChange,
}: {
  blogs: BlogChoice[] | null;
  blogId: string | null;
  onChange: (blogId: string | null) => void;
}) {
  const [adding, setAdding] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const none = blogs === null || blogs.length === 0;
  const closeDialog = () => {
    setAdding(false);
    // The select replaces the button once a blog is there: the focus goes to whichever is shown.
    window.setTimeout(() => (select.current ?? addButton.current)?.focus());
  };
  return (
    <div className="field" {...(none ? { role: 'group', 'aria-labelledby': 'post-blog-label' } : {})}>
      {none ? (
        <>
          <span id="post-blog-label">Blog</span>
          <p className="field__hint" id="post-blog-none">
            No blog yet: add one to publish this post.
          </p>
          <button
            ref={addButton}
            type="button"
            className="button"
            aria-describedby="post-blog-none"
            onClick={() => setAdding(true)}
          >
            Add a blog…
          </button>
        </>
      ) : (
        <>
          <label htmlFor="post-blog">Blog</label>
          <select
            ref={select}
            id="post-blog"
            value={blogId ?? ''}
            onChange={(event) => onChange(event.target.value || null)}
          >
            {blogId === null && <option value="">Choose a blog…</option>}
            {blogs.map((blog) => (
              <option key={blog.id} value={blog.id}>
                {blog.name}
              </option>
            ))}
          </select>
        </>
      )}
      {adding && <AddBlogDialog onClose={closeDialog} />}
    </div>
  );
}
