import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AccountBlog, DiscoveryReport } from '../../../shared/model/blog';
import { useCore } from '../../core/CoreContext';
import { Field, InputField } from '../../components/Field';
import { DiscoverySteps } from './DiscoverySteps';
import { errorText } from './error-text';
import { MicropubSignIn } from '../micropub/MicropubSignIn';

type Step = 'address' | 'sign-in' | 'pick';

/**
 * "Add a blog": from the home page address, discovery (every probe shown), then the user name and
 * password, then the account's blogs (blogger.getUsersBlogs) to pick from.
 */
export function AddBlogDialog({ onClose }: { onClose: () => void }) {
  const core = useCore();
  const dialog = useRef<HTMLDialogElement>(null);
  const [step, setStep] = useState<Step>('address');
  const [url, setUrl] = useState('');
  const [report, setReport] = useState<DiscoveryReport | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [accountBlogs, setAccountBlogs] = useState<AccountBlog[]>([]);
  const [chosen, setChosen] = useState<string>('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [protocol, setProtocol] = useState<'micropub' | 'metaweblog'>('metaweblog');

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function run(label: string, work: () => Promise<void>) {
    setBusy(label);
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(null);
    }
  }

  const discover = (event: FormEvent) => {
    event.preventDefault();
    void run('Looking at the blog…', async () => {
      setReport(null);
      const found = await core.call('blogs-discover', { url });
      setReport(found);
      setProtocol(found.micropub ? 'micropub' : 'metaweblog');
      if (found.metaweblog) setStep('sign-in');
    });
  };

  const signIn = (event: FormEvent) => {
    event.preventDefault();
    if (!report?.metaweblog) return;
    const endpoint = report.metaweblog.endpoint;
    void run('Signing in…', async () => {
      const blogs = await core.call('blogs-account-blogs', { endpoint, username, password });
      setAccountBlogs(blogs);
      const home = report.homeUrl.replace(/\/+$/, '');
      const preferred =
        blogs.find((blog) => blog.remoteBlogId === report.metaweblog?.remoteBlogId) ??
        blogs.find((blog) => blog.url.replace(/\/+$/, '') === home) ??
        blogs[0];
      setChosen(preferred?.remoteBlogId ?? '');
      setStep('pick');
    });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    if (!report?.metaweblog) return;
    const blog = accountBlogs.find((entry) => entry.remoteBlogId === chosen);
    if (!blog) return;
    const endpoint = report.metaweblog.endpoint;
    void run('Adding the blog…', async () => {
      await core.call('blogs-add', {
        protocol: 'metaweblog',
        homeUrl: report.homeUrl,
        endpoint,
        remoteBlogId: blog.remoteBlogId,
        name: blog.name || report.title || undefined,
        username,
        password,
      });
      dialog.current?.close();
    });
  };

  return (
    <dialog ref={dialog} className="add-blog" aria-label="Add a blog" onClose={onClose}>
      <h2>Add a blog</h2>
      <form onSubmit={discover} className="add-blog__row">
        <Field label="Your blog’s home page" className="add-blog__grow">
          <input
            type="text"
            inputMode="url"
            placeholder="https://example.com/"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            autoFocus
            required
          />
        </Field>
        <button type="submit" className="button" disabled={busy !== null || !url.trim()}>
          Find the blog
        </button>
      </form>

      {report && (
        <section aria-label="What discovery found">
          <DiscoverySteps probes={report.probes} />
          {report.micropub && report.metaweblog && (
            <fieldset className="field-group" aria-label="Publish with">
              <legend>This blog offers two ways to publish</legend>
              <label>
                <input
                  type="radio"
                  checked={protocol === 'micropub'}
                  onChange={() => setProtocol('micropub')}
                />{' '}
                Micropub
              </label>{' '}
              <label>
                <input
                  type="radio"
                  checked={protocol === 'metaweblog'}
                  onChange={() => setProtocol('metaweblog')}
                />{' '}
                MetaWeblog
              </label>
            </fieldset>
          )}
          {!report.metaweblog && !report.micropub && (
            <p className="notice notice--warn" role="alert">
              No publishing API was found. The failed step above says why; check the address, or whether
              XML-RPC is turned on.
            </p>
          )}
        </section>
      )}

      {report?.micropub && protocol === 'micropub' && (
        <MicropubSignIn report={report} onAdded={() => dialog.current?.close()} />
      )}

      {step !== 'address' && report?.metaweblog && protocol === 'metaweblog' && (
        <form onSubmit={signIn} className="add-blog__signin" aria-label="Sign in">
          <p className="muted">
            MetaWeblog at <code>{report.metaweblog.endpoint}</code>. The password is kept in the secret store,
            never in the settings; on WordPress an application password works too.
          </p>
          <InputField
            label="User name"
            value={username}
            onChange={setUsername}
            autoComplete="username"
            required
          />
          <InputField
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            required
          />
          <button type="submit" className="button" disabled={busy !== null || !username || !password}>
            Sign in
          </button>
        </form>
      )}

      {step === 'pick' && protocol === 'metaweblog' && (
        <form onSubmit={add} aria-label="Choose the blog">
          <fieldset className="field-group">
            <legend>Blogs on this account</legend>
            {accountBlogs.map((blog) => (
              <label key={blog.remoteBlogId} className="add-blog__choice">
                <input
                  type="radio"
                  name="account-blog"
                  value={blog.remoteBlogId}
                  checked={chosen === blog.remoteBlogId}
                  onChange={() => setChosen(blog.remoteBlogId)}
                />
                {blog.name || blog.url} <span className="muted">{blog.url}</span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className="button button--primary" disabled={busy !== null || !chosen}>
            Add blog
          </button>
        </form>
      )}

      {busy && (
        <p className="muted" role="status">
          {busy}
        </p>
      )}
      {error && (
        <p className="notice notice--warn" role="alert">
          {error}
        </p>
      )}
      <div className="add-blog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
