import { useEffect, useState } from 'react';
import type { Blog } from '../../../shared/model/blog';
import { useCore } from '../../core/CoreContext';

/**
 * The draft's blog when it is a Micropub one (else the only blog, as publishing picks it), kept
 * current as blogs change: signing in again changes what the sign-in may do.
 */
export function useMicropubBlog(blogId: string | null): Blog | null {
  const core = useCore();
  const [blogs, setBlogs] = useState<Blog[]>([]);
  useEffect(() => {
    let live = true;
    core
      .call('blogs-list', {})
      .then((list) => live && setBlogs(list))
      .catch(() => undefined);
    const stop = core.on('blogs-changed', (list) => live && setBlogs(list));
    return () => {
      live = false;
      stop();
    };
  }, [core]);
  const blog = blogs.find((entry) => entry.id === blogId) ?? (blogs.length === 1 ? blogs[0] : undefined);
  return blog?.protocol === 'micropub' ? blog : null;
}
