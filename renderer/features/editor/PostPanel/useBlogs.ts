import { useEffect, useState } from 'react';
import { isMethodName } from '../../../../shared/contract';
import { useCore } from '../../../core/CoreContext';

const METHOD = 'blogs-list';

export interface BlogChoice {
  id: string;
  name: string;
}

/**
 * The blogs a draft can go to. `blogs-list` is part of the contract once the blogs domain is wired
 * in; until then (and while there are no blogs) this gives an empty list and the select says so.
 */
export function useBlogs(): BlogChoice[] | null {
  const core = useCore();
  const [blogs, setBlogs] = useState<BlogChoice[] | null>(() => (isMethodName(METHOD) ? null : []));
  useEffect(() => {
    const method = METHOD;
    if (!isMethodName(method)) return;
    let live = true;
    const untypedCall = core.call as unknown as (name: string, args: object) => Promise<BlogChoice[]>;
    const load = () =>
      untypedCall(method, {})
        .then((list) => live && setBlogs(list.map((blog) => ({ id: blog.id, name: blog.name }))))
        .catch(() => live && setBlogs([]));
    void load();
    const untypedOn = core.on as unknown as (event: string, listener: () => void) => () => void;
    const stop = untypedOn('blogs-changed', () => void load());
    return () => {
      live = false;
      stop();
    };
  }, [core]);
  return blogs;
}
