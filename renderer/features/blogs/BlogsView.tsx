import { useState } from 'react';
import type { Blog } from '../../../shared/model/blog';
import { useCoreEvent, useCoreValue } from '../../core/CoreContext';
import { useCommand } from '../commands/CommandsContext';
import { OutboxList, type OutboxRequest } from '../publish/OutboxList';
import { AddBlogDialog } from './AddBlogDialog';
import { BlogRow } from './BlogRow';
import './blogs.css';

/** The Blogs section: the blogs you publish to (add, test, edit, remove) and the outbox. */
export function BlogsView({ outbox }: { outbox?: OutboxRequest }) {
  const [initial] = useCoreValue((client) => client.call('blogs-list', {}));
  const [latest, setLatest] = useState<Blog[] | null>(null);
  const [adding, setAdding] = useState(false);
  useCoreEvent('blogs-changed', setLatest);
  const blogs = latest ?? initial;
  // "Pull the Whole Blog": the first blog's archive opens and its pull starts.
  const [pullRequest, setPullRequest] = useState({ blogId: '', count: 0 });
  useCommand(
    'blog.pullWhole',
    () => blogs?.[0] && setPullRequest(({ count }) => ({ blogId: blogs[0]!.id, count: count + 1 })),
    () => Boolean(blogs?.length),
  );

  return (
    <section className="page blogs" aria-labelledby="blogs-title">
      <div className="blogs__header">
        <h1 id="blogs-title">Blogs</h1>
        <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
          Add a blog
        </button>
      </div>
      {blogs && blogs.length === 0 && (
        <p className="muted">
          No blogs yet. Add yours from its home page address: Postwright finds how to publish to it.
        </p>
      )}
      {blogs && blogs.length > 0 && (
        <ul className="blogs__list" aria-label="Your blogs">
          {blogs.map((blog) => (
            <BlogRow
              key={blog.id}
              blog={blog}
              pullNow={pullRequest.blogId === blog.id ? pullRequest.count : 0}
            />
          ))}
        </ul>
      )}
      <OutboxList request={outbox} />
      {adding && <AddBlogDialog onClose={() => setAdding(false)} />}
    </section>
  );
}
