import { useState, type FormEvent } from 'react';
import type { Blog } from '../../../shared/model/blog';
import { useCore } from '../../core/CoreContext';
import { errorText } from './error-text';
import { RecentPosts } from './RecentPosts';
import { BlogArchive } from '../archive/BlogArchive';
import { MicropubSignInAgain } from '../micropub/MicropubSignInAgain';
import { MicropubGrant } from '../micropub/MicropubGrant';
import { RowMessage, type RowMessageText } from './RowMessage';

/** One blog: what it is, and test / edit / remove / recent posts. */
export function BlogRow({
  blog,
  pullNow = 0,
}: {
  blog: Blog;
  /** Counts up when "Pull the Whole Blog" asks. */ pullNow?: number;
}) {
  const core = useCore();
  const [message, setMessage] = useState<RowMessageText | null>(null);
  const [editing, setEditing] = useState(false);
  const [showPosts, setShowPosts] = useState(false);
  const [showArchive, setShowArchive] = useState(false);
  const archiveOpen = showArchive || pullNow > 0;
  const [name, setName] = useState(blog.name);
  const [username, setUsername] = useState(blog.username ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  async function act(work: () => Promise<{ ok: boolean; text: string } | null>) {
    setBusy(true);
    try {
      setMessage(await work());
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  }

  const test = () =>
    act(async () => {
      const result = await core.call('blogs-test', { id: blog.id });
      return { ok: result.ok, text: result.message };
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      await core.call('blogs-update', {
        id: blog.id,
        patch: { name, ...(username ? { username } : {}), ...(password ? { password } : {}) },
      });
      setEditing(false);
      setPassword('');
      return { ok: true, text: 'Saved.' };
    });
  };

  const remove = () => {
    if (!window.confirm(`Remove ${blog.name} from Postwright? Its posts stay on the blog.`)) return;
    void act(async () => {
      await core.call('blogs-remove', { id: blog.id });
      return null;
    });
  };

  return (
    <li className="blog-row" aria-label={blog.name}>
      <div className="blog-row__head">
        <div>
          <strong className="blog-row__name">{blog.name}</strong>{' '}
          <span className="blog-row__protocol">
            {blog.protocol === 'metaweblog' ? 'MetaWeblog' : 'Micropub'}
          </span>
          <div className="muted">
            <a href={blog.homeUrl} target="_blank" rel="noopener noreferrer">
              {blog.homeUrl}
            </a>
            {blog.username ? ` · ${blog.username}` : ''} · <code>{blog.endpoint}</code>
          </div>
          {blog.protocol === 'micropub' && <MicropubGrant blog={blog} />}
        </div>
        <div className="blog-row__actions">
          {blog.protocol === 'micropub' && <MicropubSignInAgain blog={blog} />}
          <button type="button" className="button" onClick={() => void test()} disabled={busy}>
            Test
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setShowPosts((on) => !on)}
            aria-pressed={showPosts}
          >
            Recent posts
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setShowArchive(!archiveOpen)}
            aria-pressed={archiveOpen}
          >
            Archive
          </button>
          <button
            type="button"
            className="button"
            onClick={() => setEditing((on) => !on)}
            aria-pressed={editing}
          >
            Edit
          </button>
          <button type="button" className="button" onClick={remove} disabled={busy}>
            Remove
          </button>
        </div>
      </div>
      <RowMessage message={message} />
      {editing && (
        <form className="blog-row__edit" onSubmit={save} aria-label={`Edit ${blog.name}`}>
          <label className="field">
            <span>Name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} required />
          </label>
          {blog.protocol === 'metaweblog' && (
            <>
              <label className="field">
                <span>User name</span>
                <input value={username} onChange={(event) => setUsername(event.target.value)} />
              </label>
              <label className="field">
                <span>New password (empty: keep the saved one)</span>
                <input
                  type="password"
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              </label>
            </>
          )}
          <button type="submit" className="button button--primary" disabled={busy}>
            Save
          </button>
        </form>
      )}
      {showPosts && <RecentPosts blogId={blog.id} />}
      {archiveOpen && <BlogArchive blog={blog} pullNow={pullNow} />}
    </li>
  );
}
