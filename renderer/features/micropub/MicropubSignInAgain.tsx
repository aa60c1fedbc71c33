import { useState } from 'react';
import type { Blog } from '../../../shared/model/blog';
import { safeExternalUrl } from '../../../shared/net/safe-url';
import { grantSentence } from '../../../shared/publish/micropub-scope';
import { useCore } from '../../core/CoreContext';
import './micropub.css';

/** "Sign in again" for a Micropub blog whose token expired or lacks a permission: IndieAuth in a new tab. */
export function MicropubSignInAgain({ blog }: { blog: Blog }) {
  const core = useCore();
  const [state, setState] = useState<{ busy: boolean; text: string | null; ok: boolean }>({
    busy: false,
    text: null,
    ok: true,
  });

  async function signIn() {
    setState({
      busy: true,
      text: 'Approve Postwright on your site’s sign-in page, then come back here.',
      ok: true,
    });
    try {
      const start = await core.call('micropub-sign-in-start', { blogId: blog.id });
      const safe = safeExternalUrl(start.authorizationUrl);
      if (safe) window.open(safe, '_blank', 'noopener,noreferrer');
      const signedIn = await core.call('micropub-sign-in-finish', { sessionId: start.sessionId });
      setState({
        busy: false,
        text: [
          `Signed in${signedIn.micropub?.me ? ` as ${signedIn.micropub.me}` : ''}.`,
          grantSentence(signedIn.micropub?.scope) ?? '',
        ]
          .join(' ')
          .trim(),
        ok: true,
      });
    } catch (failure) {
      setState({
        busy: false,
        text: failure instanceof Error ? failure.message : String(failure),
        ok: false,
      });
    }
  }

  return (
    <>
      <button type="button" className="button" onClick={() => void signIn()} disabled={state.busy}>
        Sign in again
      </button>
      {state.text && (
        <span role="status" className={state.ok ? 'muted' : 'notice notice--warn'}>
          {state.text}
        </span>
      )}
    </>
  );
}
