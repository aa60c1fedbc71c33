/** Time is a dependency so tests can move it (revisions a minute apart, backoff, schedules). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
