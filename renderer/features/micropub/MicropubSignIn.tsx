import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Blog, DiscoveryReport } from '../../../shared/model/blog';
import { micropubBlogAddFrom } from '../../../shared/model/micropub';
import { safeExternalUrl } from '../../../shared/net/safe-link';
import { useCore } from '../../core/CoreContext';
import { InputField } from '../../components/Field';
import './micropub.css';

type Mode = 'indieauth' | 'token';

/**
 * The Micropub half of "Add a blog": IndieAuth in the browser (a new tab, or the system browser in
 * the desktop app) while the app waits for the redirect, or a token made on the site, pasted here.
 * A blog whose sign-in fails is not kept, so trying again starts clean.
 */
export function MicropubSignIn({
  report,
  onAdded,
}: {
  report: DiscoveryReport;
  onAdded: (blog: Blog) => void;
}) {
  const core = useCore();
  const [mode, setMode] = useState<Mode>('indieauth');
  const [token, setToken] = useState('');
  const [waiting, setWaiting] = useState<{ sessionId: string; url: string; blogId: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  const found = report.micropub!;

  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const fields = micropubBlogAddFrom(report);

  async function signIn() {
    setBusy(true);
    setError(null);
    let blog: Blog | null = null;
    try {
      blog = await core.call('blogs-add', fields);
      const start = await core.call('micropub-sign-in-start', { blogId: blog.id });
      setWaiting({ ...start, url: start.authorizationUrl, blogId: blog.id });
      openPage(start.authorizationUrl);
      const signedIn = await core.call('micropub-sign-in-finish', { sessionId: start.sessionId });
      onAdded(signedIn);
    } catch (failure) {
      if (blog) await core.call('blogs-remove', { id: blog.id }).catch(() => undefined);
      if (mounted.current) setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      if (mounted.current) {
        setWaiting(null);
        setBusy(false);
      }
    }
  }

  async function addWithToken(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onAdded(await core.call('blogs-add', { ...fields, token: token.trim() }));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="micropub-sign-in" aria-label="Sign in with Micropub">
      <p className="muted">
        Micropub at <code>{found.endpoint}</code>. The token is kept in the secret store, never in the
        settings.
      </p>
      <div className="micropub-sign-in__modes" role="radiogroup" aria-label="How to sign in">
        <label>
          <input
            type="radio"
            checked={mode === 'indieauth'}
            onChange={() => setMode('indieauth')}
            disabled={busy}
          />
          Sign in on the site (IndieAuth)
        </label>
        <label>
          <input type="radio" checked={mode === 'token'} onChange={() => setMode('token')} disabled={busy} />
          Paste a token
        </label>
      </div>

      {mode === 'indieauth' && !waiting && (
        <button
          type="button"
          className="button button--primary"
          onClick={() => void signIn()}
          disabled={busy}
        >
          Sign in with IndieAuth
        </button>
      )}
      {waiting && (
        <div className="micropub-sign-in__waiting" role="status">
          <p>
            Approve Postwright on your site’s sign-in page, then come back here.{' '}
            <a href={safeExternalUrl(waiting.url) ?? '#'} target="_blank" rel="noopener noreferrer">
              Open the sign-in page again
            </a>
          </p>
          <button
            type="button"
            className="button"
            onClick={() => void core.call('micropub-sign-in-cancel', { sessionId: waiting.sessionId })}
          >
            Cancel sign-in
          </button>
        </div>
      )}

      {mode === 'token' && (
        <form onSubmit={(event) => void addWithToken(event)} className="micropub-sign-in__token">
          <InputField
            label="Token from your site"
            type="password"
            value={token}
            onChange={setToken}
            autoComplete="off"
            required
          />
          <button type="submit" className="button button--primary" disabled={busy || !token.trim()}>
            Add blog
          </button>
        </form>
      )}

      {error && (
        <p className="notice notice--warn" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/** The sign-in page in a new tab (the desktop app hands http(s) links to the system browser). */
function openPage(url: string) {
  const safe = safeExternalUrl(url);
  if (safe) window.open(safe, '_blank', 'noopener,noreferrer');
}
