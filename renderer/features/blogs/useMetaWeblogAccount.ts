import { useState, type FormEvent } from 'react';
import type { AccountBlog, DiscoveryReport } from '../../../shared/model/blog';
import { useCore } from '../../core/CoreContext';

type Run = (at: 'sign-in' | 'pick', label: string, work: () => Promise<void>) => Promise<void>;

/**
 * The MetaWeblog half of "Add a blog": the user name and password, the account's blogs
 * (blogger.getUsersBlogs) with the one this site is preselected, and adding the chosen one.
 */
export function useMetaWeblogAccount(
  report: DiscoveryReport | null,
  run: Run,
  on: { signedIn: () => void; added: () => void },
) {
  const core = useCore();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [accountBlogs, setAccountBlogs] = useState<AccountBlog[]>([]);
  const [chosen, setChosen] = useState<string>('');

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    if (!report?.metaweblog) return;
    const endpoint = report.metaweblog.endpoint;
    void run('sign-in', 'Signing in…', async () => {
      const blogs = await core.call('blogs-account-blogs', { endpoint, username, password });
      setAccountBlogs(blogs);
      const home = report.homeUrl.replace(/\/+$/, '');
      const preferred =
        blogs.find((blog) => blog.remoteBlogId === report.metaweblog?.remoteBlogId) ??
        blogs.find((blog) => blog.url.replace(/\/+$/, '') === home) ??
        blogs[0];
      setChosen(preferred?.remoteBlogId ?? '');
      on.signedIn();
    });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!report?.metaweblog) return;
    const blog = accountBlogs.find((entry) => entry.remoteBlogId === chosen);
    if (!blog) return;
    const endpoint = report.metaweblog.endpoint;
    void run('pick', 'Adding the blog…', async () => {
      await core.call('blogs-add', {
        protocol: 'metaweblog',
        homeUrl: report.homeUrl,
        endpoint,
        remoteBlogId: blog.remoteBlogId,
        name: blog.name || report.title || undefined,
        username,
        password,
      });
      on.added();
    });
  };

  return {
    username,
    setUsername,
    password,
    setPassword,
    accountBlogs,
    chosen,
    setChosen,
    signIn,
    add,
  };
}

export type MetaWeblogAccount = ReturnType<typeof useMetaWeblogAccount>;
