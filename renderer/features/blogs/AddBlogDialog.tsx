import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DiscoveryReport } from '../../../shared/model/blog';
import { useCore } from '../../core/CoreContext';
import { Field } from '../../components/Field';
import { DiscoveryVerdict } from './DiscoveryVerdict';
import { MicropubSignIn } from '../micropub/MicropubSignIn';
import { AccountBlogPicker, MetaWeblogSignInForm } from './MetaWeblogSignInForm';
import { ProtocolChoice, type Protocol } from './ProtocolChoice';
import { useMetaWeblogAccount } from './useMetaWeblogAccount';
import { useStepMessages } from './useStepMessages';

type Step = 'address' | 'sign-in' | 'pick';

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
  const [protocol, setProtocol] = useState<Protocol>('metaweblog');
  const { busy, failedAt, run, messageAt } = useStepMessages<Step>();
  const close = () => dialog.current?.close();
  const account = useMetaWeblogAccount(report, run, { signedIn: () => setStep('pick'), added: close });
  const addressProblem = useId();

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

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

  const addressFailed = failedAt('address');
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
          {report.micropub && report.metaweblog && <ProtocolChoice value={protocol} onChange={setProtocol} />}
        </section>
      )}

      {report?.micropub && protocol === 'micropub' && <MicropubSignIn report={report} onAdded={close} />}

      {step !== 'address' && report?.metaweblog && protocol === 'metaweblog' && (
        <MetaWeblogSignInForm account={account} busy={busy} message={messageAt('sign-in')} />
      )}

      {step === 'pick' && protocol === 'metaweblog' && (
        <AccountBlogPicker account={account} busy={busy} message={messageAt('pick')} />
      )}

      <div className="add-blog__actions">
        <button type="button" className="button" onClick={close}>
          Close
        </button>
      </div>
    </dialog>
  );
}
