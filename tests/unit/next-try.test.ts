import { afterEach, describe, expect, it } from 'vitest';
import { waitingReason } from '../../shared/publish/next-try';

const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('when a waiting publish is tried next', () => {
  it('is said on the reader’s own clock, not in UTC', () => {
    process.env.TZ = 'Pacific/Auckland';
    const said = waitingReason('The blog had a problem (HTTP 503).', '2026-12-03T18:05:30.000Z');
    // 18:05:30 UTC is 07:05:30 the next morning in Auckland (UTC+13 in December).
    expect(said).toMatch(/^The blog had a problem \(HTTP 503\)\. Next try at 07:05:30( AM)?\.$/);
    expect(said).not.toContain('UTC');
  });

  it('keeps the reason alone when no try is planned', () => {
    expect(waitingReason('Waiting for the network.', null)).toBe('Waiting for the network.');
    expect(waitingReason(null, null)).toBeNull();
  });
});
