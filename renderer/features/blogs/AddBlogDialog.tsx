import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { AccountBlog, DiscoveryReport } from '../../../shared/model/blog';
import { useCore } from '../../core/CoreContext';
import { Field, InputField } from '../../components/Field';
import { DiscoveryVerdict } from './DiscoveryVerdict';
import { errorText } from './error-text';
import { MicropubSignIn } from '../micropub/MicropubSignIn';

type Step = 'address' | 'sign-in' | 'pick';

/** What is going on (or went wrong) at one step, shown under that step's form. */
type Message = { step: Step; busy: string } | { step: Step; error: string };

/**
 * "Add a blog": from the home page address, discovery (one verdict, the probes under Details), then
 * the user name and password, then the account's blogs (blogger.getUsersBlogs) to pick from.
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
  const [message, setMessage] = useState<Message | null>(null);
  const [protocol, setProtocol] = useState<'micropub' | 'metaweblog'>('metaweblog');
  const busy = message !== null && 'busy' in message;
  const addressProblem = useId();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function run(at: Step, label: string, work: () => Promise<void>) {
    setMessage({ step: at, busy: label });
    try {
      await work();
      setMessage(null);
    } catch (failure) {
      setMessage({ step: at, error: errorText(failure) });
    }
  }

  /** The busy line or the error of one step, in place. */
  const messageAt = (at: Step, id?: string): ReactNode =>
    message?.step !== at ? null : 'busy' in message ? (
      <p className="muted" role="status">
        {message.busy}
      </p>
    ) : (
      <p className="notice notice--warn" role="alert" id={id}>
        {message.error}
      </p>
    );

  const discover = (event: FormEvent) => {
    event.preventDefault();
    setReport(null);
    setStep('address');
    void run('address', 'Looking at the blog…', async () => {
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
    void run('sign-in', 'Signing in…', async () => {
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
      dialog.current?.close();
    });
  };

  const addressFailed = message?.step === 'address' && 'error' in message;
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
            aria-invalid={addressFailed}
            aria-describedby={addressFailed ? addressProblem : undefined}
            autoFocus
            required
          />
        </Field>
        <button type="submit" className="button" disabled={busy || !url.trim()}>
          Find the blog
        </button>
      </form>
      {messageAt('address', addressProblem)}

      {report && (
        <section aria-label="What discovery found" className="add-blog__found">
          <DiscoveryVerdict report={report} />
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
        </section>
      )}

      {report?.micropub && protocol === 'micropub' && (
        <MicropubSignIn report={report} onAdded={() => dialog.current?.close()} />
      )}

      {step !== 'address' && report?.metaweblog && protocol === 'metaweblog' && (
        <form onSubmit={signIn} className="add-blog__signin" aria-label="Sign in">
          <p className="muted">
            Sign in with your blog’s user name and password. The password is kept in the secret store, never
            in the settings; on WordPress an application password works too.
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
          <button type="submit" className="button" disabled={busy || !username || !password}>
            Sign in
          </button>
          {messageAt('sign-in')}
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
          <button type="submit" className="button button--primary" disabled={busy || !chosen}>
            Add blog
          </button>
          {messageAt('pick')}
        </form>
      )}

      <div className="add-blog__actions">
        <button type="button" className="button" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
    </dialog>
  );
}
