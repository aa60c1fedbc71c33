import { useEffect, useState } from 'react';
import type { BlogProtocol } from '../../../../shared/model/blog';
import { useCore } from '../../../core/CoreContext';

export interface BlogChoice {
  id: string;
  name: string;
  protocol: BlogProtocol;
}

/** The blogs a draft can go to, kept current as blogs are added or removed; null until loaded. */
export function useBlogs(): BlogChoice[] | null {
  const core = useCore();
  const [blogs, setBlogs] = useState<BlogChoice[] | null>(null);
  useEffect(() => {
    let live = true;
    const show = (list: { id: string; name: string; protocol: BlogProtocol }[]) =>
      live && setBlogs(list.map(({ id, name, protocol }) => ({ id, name, protocol })));
    core
      .call('blogs-list', {})
      .then(show)
      .catch(() => live && setBlogs([]));
    const stop = core.on('blogs-changed', show);
    return () => {
      live = false;
      stop();
    };
  }, [core]);
  return blogs;
}

/**
 * The categories the chosen blog already has, offered while typing (MetaWeblog's getCategories,
 * Micropub's q=category). Suggestions are a convenience: offline or signed out, there are none and
 * the author types their own.
 */
export function useCategorySuggestions(blog: BlogChoice | undefined): string[] {
  const core = useCore();
  const [suggestions, setSuggestions] = useState<{ blogId: string; names: string[] } | null>(null);
  useEffect(() => {
    if (!blog) return;
    let live = true;
    const request =
      blog.protocol === 'micropub'
        ? core.call('micropub-categories', { blogId: blog.id })
        : core
            .call('blogs-categories', { id: blog.id })
            .then((list) => list.map((category) => category.name));
    request
      .then((names) => live && setSuggestions({ blogId: blog.id, names }))
      .catch(() => live && setSuggestions({ blogId: blog.id, names: [] }));
    return () => {
      live = false;
    };
  }, [core, blog]);
  return blog && suggestions?.blogId === blog.id ? suggestions.names : [];
}
