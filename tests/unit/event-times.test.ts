import { describe, expect, test } from 'vitest';
import { extractEvents } from '../../shared/events/extract-events';

/**
 * Dates and times the way UK council and community notices write them: the seed blog's own
 * ("from 1000 – 1600", "9.30-12.30", "between 9.30 and 12.30"), and the forms of public event
 * listings (council "what's on" pages, library and parish notices): 12- and 24-hour clocks with and
 * without colons or dots, "noon" and "midnight", ranges with hyphens, en dashes, "to", "until",
 * "till", "between … and", evenings that run past midnight, dates in words and in numbers, and
 * ranges of days. The post is dated Sunday 20 February 2011.
 */
const POST_DATE = '2011-02-20';

type Expected = { start: string; end: string | null };

const CASES: [string, Expected][] = [
  // 12-hour clocks
  ['Coffee morning on Saturday 5 March at 10am.', { start: '2011-03-05T10:00', end: null }],
  ['Coffee morning on Saturday 5 March at 10 am.', { start: '2011-03-05T10:00', end: null }],
  ['Quiz night, Saturday 5 March, 7.30pm.', { start: '2011-03-05T19:30', end: null }],
  ['Quiz night, Saturday 5 March, 7:30pm.', { start: '2011-03-05T19:30', end: null }],
  ['Quiz night, Saturday 5 March, 7.30 p.m.', { start: '2011-03-05T19:30', end: null }],
  ['Quiz night, Saturday 5 March, 7.30PM.', { start: '2011-03-05T19:30', end: null }],
  ['Carol service on 12 March at 6 pm.', { start: '2011-03-12T18:00', end: null }],
  ['Lunch club on 8 March at 12.15pm.', { start: '2011-03-08T12:15', end: null }],
  ['Lunch club on 8 March at noon.', { start: '2011-03-08T12:00', end: null }],
  ['Lunch club on 8 March at 12 noon.', { start: '2011-03-08T12:00', end: null }],
  ['Lunch club on 8 March at midday.', { start: '2011-03-08T12:00', end: null }],
  ['The bonfire is lit on 5 March at 7pm.', { start: '2011-03-05T19:00', end: null }],
  // 24-hour clocks
  ['Council meeting on 8 March at 19:00.', { start: '2011-03-08T19:00', end: null }],
  ['Council meeting on 8 March at 19.00.', { start: '2011-03-08T19:00', end: null }],
  ['Council meeting on 8 March at 1900hrs.', { start: '2011-03-08T19:00', end: null }],
  ['Council meeting on 8 March at 1900 hrs.', { start: '2011-03-08T19:00', end: null }],
  ['Council meeting on 8 March at 18.30.', { start: '2011-03-08T18:30', end: null }],
  ['Surgery on 4 March at 09:30.', { start: '2011-03-04T09:30', end: null }],
  ['Surgery on 4 March at 9:30.', { start: '2011-03-04T09:30', end: null }],
  // ranges of times
  ['Craft fair, Saturday 5 March, 10am-4pm.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Craft fair, Saturday 5 March, 10am – 4pm.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Craft fair, Saturday 5 March, 10am–4pm.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Craft fair, Saturday 5 March, 10am to 4pm.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Craft fair, Saturday 5 March, 10am until 4pm.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  [
    'Craft fair, Saturday 5 March, from 10am till 4pm.',
    { start: '2011-03-05T10:00', end: '2011-03-05T16:00' },
  ],
  ['Craft fair, Saturday 5 March, 10.00am - 4.00pm.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Craft fair, Saturday 5 March, 10:00 - 16:00.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Craft fair, Saturday 5 March, 10:00–16:00.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Craft fair, Saturday 5 March, 10.00–16.00.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Craft fair, Saturday 5 March, 1000-1600hrs.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  [
    'Craft fair on Saturday 5 March from 1000 – 1600.',
    { start: '2011-03-05T10:00', end: '2011-03-05T16:00' },
  ],
  ['Craft fair on 5 March between 10am and 4pm.', { start: '2011-03-05T10:00', end: '2011-03-05T16:00' }],
  ['Drop-in session on 8 March, 2-4pm.', { start: '2011-03-08T14:00', end: '2011-03-08T16:00' }],
  ['Drop-in session on 8 March, 2 – 4pm.', { start: '2011-03-08T14:00', end: '2011-03-08T16:00' }],
  ['Drop-in session on 8 March, 2pm-4pm.', { start: '2011-03-08T14:00', end: '2011-03-08T16:00' }],
  ['Breakfast on 4 March from 9.30-12.30.', { start: '2011-03-04T09:30', end: '2011-03-04T12:30' }],
  ['Breakfast on 4 March, 9.30am – 12.30pm.', { start: '2011-03-04T09:30', end: '2011-03-04T12:30' }],
  [
    'Breakfast on 4 March, again between 9.30 and 12.30.',
    { start: '2011-03-04T09:30', end: '2011-03-04T12:30' },
  ],
  ['Talk on 8 March, 7.30pm – 9pm.', { start: '2011-03-08T19:30', end: '2011-03-08T21:00' }],
  ['Lunch on 8 March, noon – 2pm.', { start: '2011-03-08T12:00', end: '2011-03-08T14:00' }],
  ['Lunch on 8 March, 12 noon to 2pm.', { start: '2011-03-08T12:00', end: '2011-03-08T14:00' }],
  ['Coffee on 8 March, 11am – noon.', { start: '2011-03-08T11:00', end: '2011-03-08T12:00' }],
  // evenings that run past midnight
  ['Ceilidh on Saturday 5 March, 8pm – midnight.', { start: '2011-03-05T20:00', end: '2011-03-06T00:00' }],
  ['Ceilidh on Saturday 5 March, 8pm-1am.', { start: '2011-03-05T20:00', end: '2011-03-06T01:00' }],
  ['Ceilidh on Saturday 5 March, 10pm to 2am.', { start: '2011-03-05T22:00', end: '2011-03-06T02:00' }],
  ['Ceilidh on Saturday 5 March, 22:00–02:00.', { start: '2011-03-05T22:00', end: '2011-03-06T02:00' }],
  [
    'Ceilidh on Saturday 5 March from 2200 until 0100.',
    { start: '2011-03-05T22:00', end: '2011-03-06T01:00' },
  ],
  // dates in words and numbers
  ['Litter pick on Sat 5 March at 10am.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on 5th March at 10am.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on March 5th at 10am.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on Saturday 5th March 2011 at 10am.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on 5 Mar 2011, 10am.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on 05/03/2011 at 10am.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on 5/3/2011 at 10:00.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on 5/3/11 at 10:00.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on 5.3.2011 at 10:00.', { start: '2011-03-05T10:00', end: null }],
  ['Litter pick on 2011-03-05 at 10:00.', { start: '2011-03-05T10:00', end: null }],
  [
    'Litter pick: Saturday 5 March 2011, 10:00–12:00.',
    { start: '2011-03-05T10:00', end: '2011-03-05T12:00' },
  ],
  ['Book sale, 5/3/2011, 10am-1pm.', { start: '2011-03-05T10:00', end: '2011-03-05T13:00' }],
  ['Tickets £7.50 on the door, Saturday 5 March at 7.30pm.', { start: '2011-03-05T19:30', end: null }],
  ['Midnight walk on 12 March at midnight.', { start: '2011-03-12T00:00', end: null }],
  // ranges of days
  ['The festival runs 5–7 March.', { start: '2011-03-05', end: '2011-03-07' }],
  ['The festival runs 5-7 March.', { start: '2011-03-05', end: '2011-03-07' }],
  ['The festival runs 5 to 7 March.', { start: '2011-03-05', end: '2011-03-07' }],
  ['The festival runs from 5 to 7 March.', { start: '2011-03-05', end: '2011-03-07' }],
  ['The festival runs 5th – 7th March.', { start: '2011-03-05', end: '2011-03-07' }],
  ['The festival runs 5 March – 7 March.', { start: '2011-03-05', end: '2011-03-07' }],
  ['The festival runs Saturday 5 to Monday 7 March.', { start: '2011-03-05', end: '2011-03-07' }],
  ['The festival runs 28 February – 2 March.', { start: '2011-02-28', end: '2011-03-02' }],
  ['The festival runs 5 March to 7 March 2011.', { start: '2011-03-05', end: '2011-03-07' }],
  ['The festival runs from 11 to 13 March 2011.', { start: '2011-03-11', end: '2011-03-13' }],
  ['Parish council AGM, Tuesday 8 March 2011 at 7.30pm.', { start: '2011-03-08T19:30', end: null }],
  ['The festival runs on the 12th and 13th of March.', { start: '2011-03-12', end: '2011-03-13' }],
  ['Open studios, Fri 11 – Sun 13 March, 10am–5pm.', { start: '2011-03-11T10:00', end: '2011-03-13T17:00' }],
];

describe('times as UK notices write them', () => {
  test('the table holds at least 60 phrases', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
  });

  test.each(CASES)('%s', (text, expected) => {
    const found = extractEvents(text, { postDate: POST_DATE, today: POST_DATE }).map(({ start, end }) => ({
      start,
      end,
    }));
    expect(found).toEqual([expected]);
  });
});
