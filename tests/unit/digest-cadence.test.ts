import { describe, expect, it } from 'vitest';
import { closesAt, dayIn, describePeriod, periodContaining, periodsDue } from '../../shared/digest/cadence';

const weekly = { period: 'weekly', weekday: 0, startsOn: '2009-11-05' } as const;
const fortnightly = { period: 'fortnightly', weekday: 0, startsOn: '2009-11-05' } as const;
const monthly = { period: 'monthly', weekday: 0, startsOn: '2009-11-05' } as const;

describe('the period a day falls in', () => {
  it('a week ends on the schedule’s weekday, that day included', () => {
    // 5 November 2009 was a Thursday; the seed's digest covered 5 to 8 November (Sunday).
    expect(periodContaining(weekly, '2009-11-05')).toEqual({ from: '2009-11-02', to: '2009-11-08' });
    expect(periodContaining(weekly, '2009-11-08')).toEqual({ from: '2009-11-02', to: '2009-11-08' });
    expect(periodContaining(weekly, '2009-11-09')).toEqual({ from: '2009-11-09', to: '2009-11-15' });
    const thursdays = { ...weekly, weekday: 4 };
    expect(periodContaining(thursdays, '2009-11-05')).toEqual({ from: '2009-10-30', to: '2009-11-05' });
    expect(periodContaining(thursdays, '2009-11-06')).toEqual({ from: '2009-11-06', to: '2009-11-12' });
  });

  it('fortnights count from the one the schedule starts in, before and after it', () => {
    expect(periodContaining(fortnightly, '2009-11-05')).toEqual({ from: '2009-10-26', to: '2009-11-08' });
    expect(periodContaining(fortnightly, '2009-11-09')).toEqual({ from: '2009-11-09', to: '2009-11-22' });
    expect(periodContaining(fortnightly, '2009-11-22')).toEqual({ from: '2009-11-09', to: '2009-11-22' });
    expect(periodContaining(fortnightly, '2009-11-23')).toEqual({ from: '2009-11-23', to: '2009-12-06' });
    expect(periodContaining(fortnightly, '2009-10-25')).toEqual({ from: '2009-10-12', to: '2009-10-25' });
  });

  it('months are calendar months, February of a leap year included', () => {
    expect(periodContaining(monthly, '2009-02-10')).toEqual({ from: '2009-02-01', to: '2009-02-28' });
    expect(periodContaining(monthly, '2008-02-29')).toEqual({ from: '2008-02-01', to: '2008-02-29' });
    expect(periodContaining(monthly, '2009-12-31')).toEqual({ from: '2009-12-01', to: '2009-12-31' });
  });

  it('a week and a fortnight run across the end of a year', () => {
    expect(periodContaining(weekly, '2009-12-31')).toEqual({ from: '2009-12-28', to: '2010-01-03' });
    expect(periodContaining(weekly, '2010-01-01')).toEqual({ from: '2009-12-28', to: '2010-01-03' });
    expect(periodContaining(fortnightly, '2010-01-01')).toEqual({ from: '2009-12-21', to: '2010-01-03' });
  });
});

describe('when a period closes', () => {
  it('at midnight after its last day in the author’s zone, winter and summer', () => {
    const week = { from: '2009-11-02', to: '2009-11-08' };
    expect(closesAt(week, 'Europe/London').toISOString()).toBe('2009-11-09T00:00:00.000Z');
    expect(closesAt(week, 'Pacific/Auckland').toISOString()).toBe('2009-11-08T11:00:00.000Z');
    expect(closesAt(week, 'America/Los_Angeles').toISOString()).toBe('2009-11-09T08:00:00.000Z');
    const summer = { from: '2026-06-29', to: '2026-07-05' };
    expect(closesAt(summer, 'Europe/London').toISOString()).toBe('2026-07-05T23:00:00.000Z');
  });

  it('across the clocks changing: the week of a spring-forward is an hour short, of a fall-back an hour long', () => {
    // London: 29 March 2026 01:00 GMT became 02:00 BST; 25 October 2026 02:00 BST became 01:00 GMT.
    const spring = { from: '2026-03-23', to: '2026-03-29' };
    const springStart = closesAt({ from: '', to: '2026-03-22' }, 'Europe/London');
    const springEnd = closesAt(spring, 'Europe/London');
    expect(springEnd.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect((springEnd.getTime() - springStart.getTime()) / 3_600_000).toBe(167);
    const autumnStart = closesAt({ from: '', to: '2026-10-18' }, 'Europe/London');
    const autumnEnd = closesAt({ from: '2026-10-19', to: '2026-10-25' }, 'Europe/London');
    expect(autumnEnd.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect((autumnEnd.getTime() - autumnStart.getTime()) / 3_600_000).toBe(169);
  });

  it('where midnight itself is skipped, at the first moment of the next day that exists', () => {
    // Chile springs forward at 00:00 on the first Sunday of September: 6 September 2026 starts at 01:00.
    const week = { from: '2026-08-31', to: '2026-09-05' };
    expect(closesAt(week, 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('today is the day in the author’s zone, not in UTC', () => {
    const at = new Date('2009-11-15T23:30:00Z');
    expect(dayIn(at, 'Europe/London')).toBe('2009-11-15');
    expect(dayIn(at, 'Europe/Berlin')).toBe('2009-11-16');
    expect(dayIn(at, 'Pacific/Auckland')).toBe('2009-11-16');
    expect(dayIn(at, 'America/New_York')).toBe('2009-11-15');
  });
});

describe('the periods due', () => {
  it('the first is the one the schedule starts in', () => {
    const due = periodsDue(weekly, null, new Date('2009-11-10T12:00:00Z'), 'Europe/London');
    expect(due.closed).toEqual([{ from: '2009-11-02', to: '2009-11-08' }]);
    expect(due.open).toEqual({ from: '2009-11-09', to: '2009-11-15' });
  });

  it('a period is due from the very moment it closes, and not a millisecond before', () => {
    const close = new Date('2009-11-16T00:00:00Z');
    const before = periodsDue(weekly, '2009-11-08', new Date(close.getTime() - 1), 'Europe/London');
    expect(before.closed).toEqual([]);
    const at = periodsDue(weekly, '2009-11-08', close, 'Europe/London');
    expect(at.closed).toEqual([{ from: '2009-11-09', to: '2009-11-15' }]);
  });

  it('the same moment closes the week in Berlin but not yet in London or New York', () => {
    const now = new Date('2009-11-15T23:30:00Z');
    expect(periodsDue(weekly, '2009-11-08', now, 'Europe/Berlin').closed).toHaveLength(1);
    expect(periodsDue(weekly, '2009-11-08', now, 'Europe/London').closed).toHaveLength(0);
    expect(periodsDue(weekly, '2009-11-08', now, 'America/New_York').closed).toHaveLength(0);
  });

  it('weeks missed while the app was closed all come due, oldest first, and none already done', () => {
    const due = periodsDue(weekly, '2009-11-08', new Date('2009-11-24T10:00:00Z'), 'Europe/London');
    expect(due.closed).toEqual([
      { from: '2009-11-09', to: '2009-11-15' },
      { from: '2009-11-16', to: '2009-11-22' },
    ]);
    expect(due.open).toEqual({ from: '2009-11-23', to: '2009-11-29' });
  });

  it('a missed week across the new year, and missed months across it', () => {
    const weeks = periodsDue(weekly, '2009-12-27', new Date('2010-01-11T09:00:00Z'), 'Europe/London');
    expect(weeks.closed).toEqual([
      { from: '2009-12-28', to: '2010-01-03' },
      { from: '2010-01-04', to: '2010-01-10' },
    ]);
    const months = periodsDue(monthly, '2009-11-30', new Date('2010-02-01T00:00:00Z'), 'Europe/London');
    expect(months.closed).toEqual([
      { from: '2009-12-01', to: '2009-12-31' },
      { from: '2010-01-01', to: '2010-01-31' },
    ]);
    expect(months.open).toEqual({ from: '2010-02-01', to: '2010-02-28' });
  });

  it('after a change from weekly to monthly no day is counted twice', () => {
    const due = periodsDue(monthly, '2009-11-08', new Date('2009-12-01T00:00:00Z'), 'Europe/London');
    expect(due.closed).toEqual([{ from: '2009-11-09', to: '2009-11-30' }]);
  });

  it('years away are counted without end, up to a bound', () => {
    const due = periodsDue(weekly, '1900-01-07', new Date('2026-12-03T12:00:00Z'), 'Europe/London');
    expect(due.closed.length).toBe(2100);
  });
});

describe('the period in words', () => {
  it('names the kind and the weekday', () => {
    expect(describePeriod(weekly)).toBe('weekly, ending on Sunday');
    expect(describePeriod({ period: 'fortnightly', weekday: 5 })).toBe('every other week, ending on Friday');
    expect(describePeriod(monthly)).toBe('monthly, at the end of each month');
  });
});
