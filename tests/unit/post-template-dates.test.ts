import { describe, expect, it } from 'vitest';
import { BUILT_IN_POST_TEMPLATES } from '../../shared/model/post-template';
import { dateTokenProblem, expandDateTokens, localDay } from '../../shared/templates/date-tokens';

const thursday = localDay('2009-11-05')!;

describe('post template date tokens', () => {
  it('writes the day, days around it, its week and its month', () => {
    expect(expandDateTokens('{date}', thursday)).toBe('5 November 2009');
    expect(expandDateTokens('{date:yyyy-MM-dd} {date:EEEE}', thursday)).toBe('2009-11-05 Thursday');
    expect(expandDateTokens('{date+7:MMMM do} {date-5:MMMM do}', thursday)).toBe(
      'November 12th October 31st',
    );
    expect(expandDateTokens('{week-start:EEEE d} to {week-end:EEEE d}', thursday)).toBe(
      'Monday 2 to Sunday 8',
    );
    expect(expandDateTokens('{month-start:d} to {month-end:d MMMM}', thursday)).toBe('1 to 30 November');
  });

  it('counts weeks from Monday, also on a Sunday and across a month and a year', () => {
    const sunday = localDay('2009-11-08')!;
    expect(expandDateTokens('{week-start:d MMM}–{week-end:d MMM}', sunday)).toBe('2 Nov–8 Nov');
    const newYear = localDay('2026-12-31')!;
    expect(expandDateTokens('{week-start:d MMM yyyy}–{week-end:d MMM yyyy}', newYear)).toBe(
      '28 Dec 2026–3 Jan 2027',
    );
    expect(expandDateTokens('{date+1:d MMMM yyyy}', newYear)).toBe('1 January 2027');
  });

  it('gives the seed blog its weekly links title', () => {
    const weekly = BUILT_IN_POST_TEMPLATES.find((template) => template.id === 'weekly-links')!;
    expect(expandDateTokens(weekly.title, localDay('2009-11-11')!)).toBe(
      'Bookmarks for November 9th through November 15th',
    );
  });

  it('leaves other braces as written and escapes what it writes into HTML', () => {
    expect(expandDateTokens('{title} {weekstart} {date', thursday)).toBe('{title} {weekstart} {date');
    const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    expect(expandDateTokens("<p>{date:'<b>&' d}</p>", thursday, escape)).toBe('<p>&lt;b>&amp; 5</p>');
  });

  it('names a pattern date-fns refuses, keeping it as written', () => {
    expect(dateTokenProblem('Week {date:w} of {date:yyyy}')).toBeNull();
    for (const bad of ['{date:jj}', '{week-end:YYYY}', '{date:D MMMM}']) {
      expect(dateTokenProblem(`Links ${bad}`)).toMatch(
        /^The date pattern in \{.+\} is not one Postwright knows/,
      );
      expect(expandDateTokens(bad, thursday)).toBe(bad);
    }
    expect(dateTokenProblem("{date:'Day' d}")).toBeNull();
  });

  it('reads only real days', () => {
    expect(localDay('2009-02-30')).toBeNull();
    expect(localDay('5 November')).toBeNull();
    expect(localDay('2024-02-29')?.getDate()).toBe(29);
  });
});
