import type { DiscoveryReport } from '../../../shared/model/blog';
import { DiscoverySteps } from './DiscoverySteps';
import { verdictOf } from './discovery-verdict';

/** The verdict first, in a sentence; the probe-by-probe list folded under Details. */
export function DiscoveryVerdict({ report }: { report: DiscoveryReport }) {
  const verdict = verdictOf(report);
  return (
    <>
      <div
        className={`discovery-verdict discovery-verdict--${verdict.found ? 'found' : 'none'}`}
        data-testid="discovery-verdict"
        role="status"
      >
        <p className="discovery-verdict__text">{verdict.text}</p>
        {verdict.advice && <p className="discovery-verdict__advice">{verdict.advice}</p>}
      </div>
      <details className="discovery-details">
        <summary>Details: every step Postwright tried</summary>
        <DiscoverySteps probes={report.probes} />
      </details>
    </>
  );
}
