import type { AppProblem } from '../../shared/model/problem';
import { useCore, useCoreEvent, useCoreValue } from '../core/CoreContext';
import './problem-notices.css';

/**
 * What went wrong without the author (a data file set aside at start), read when the window loads
 * so nothing reported before it was open is missed, and shown until dismissed.
 */
export function ProblemNotices() {
  const core = useCore();
  const [problems, setProblems] = useCoreValue((client) => client.call('problems-list', {}));
  useCoreEvent('problems-changed', setProblems);
  if (!problems || problems.length === 0) return null;
  const dismiss = (problem: AppProblem) =>
    void core.call('problems-dismiss', { id: problem.id }).then(setProblems, () => undefined);

  return (
    <section className="problem-notices" aria-label="Problems">
      {problems.map((problem) => (
        <div key={problem.id} className="notice notice--warn problem-notice" role="alert">
          <p className="problem-notice__text">
            {problem.message}
            {problem.file && (
              <>
                {' '}
                <span className="muted">It is now</span> <code>{problem.file}</code>
              </>
            )}
          </p>
          <button type="button" className="button problem-notice__dismiss" onClick={() => dismiss(problem)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
