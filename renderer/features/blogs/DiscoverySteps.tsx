import type { DiscoveryProbe } from '../../../shared/model/blog';

const MARK: Record<DiscoveryProbe['outcome'], string> = { found: '✓', absent: '–', error: '✗' };
const WORD: Record<DiscoveryProbe['outcome'], string> = {
  found: 'found',
  absent: 'not there',
  error: 'failed',
};

/** Every discovery probe and its result, so a failed setup shows exactly which step failed and why. */
export function DiscoverySteps({ probes }: { probes: DiscoveryProbe[] }) {
  return (
    <ol className="discovery" aria-label="Discovery steps">
      {probes.map((probe, index) => (
        <li key={index} className={`discovery__step discovery__step--${probe.outcome}`} title={probe.target}>
          <span className="discovery__mark" aria-hidden="true">
            {MARK[probe.outcome]}
          </span>
          <span className="discovery__what">
            <strong>{probe.step}</strong> <span className="discovery__outcome">{WORD[probe.outcome]}</span>
            {probe.status !== undefined && <span className="discovery__status"> · HTTP {probe.status}</span>}
            {probe.outcome !== 'absent' && (
              <>
                {probe.target !== probe.detail && /^https?:/.test(probe.target) && (
                  <span className="discovery__target">{probe.target}</span>
                )}
                <span className="discovery__detail">{probe.detail}</span>
              </>
            )}
            {probe.outcome === 'absent' && <span className="discovery__target"> in the {probe.target}</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}
