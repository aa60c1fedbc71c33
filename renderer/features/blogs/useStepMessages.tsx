import { useState, type ReactNode } from 'react';
import { errorText } from './error-text';

/** What is going on (or went wrong) at one step, shown under that step's form. */
type Message<Step> = { step: Step; busy: string } | { step: Step; error: string };

/**
 * One busy line or error at a time for a form of several steps: `run` shows the label while the work
 * runs and its error, in one sentence, under the step that failed.
 */
export function useStepMessages<Step extends string>() {
  const [message, setMessage] = useState<Message<Step> | null>(null);

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

  return {
    busy: message !== null && 'busy' in message,
    failedAt: (at: Step) => message?.step === at && 'error' in message,
    run,
    messageAt,
  };
}
