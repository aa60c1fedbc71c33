import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractEvents } from '../../shared/events/extract-events';

interface SeedCase {
  postDate: string;
  text: string;
  events: { start: string; end: string | null; allDay: boolean; location: string | null }[];
}

const seed = JSON.parse(readFileSync(resolve('tests', 'fixtures', 'events', 'events-seed.json'), 'utf8')) as {
  cases: SeedCase[];
};

const found = (text: string, postDate = '2009-11-16', dateOrder?: 'day-first' | 'month-first') =>
  extractEvents(text, { postDate, today: '2026-12-03', dateOrder }).map(
    ({ start, end, allDay, location }) => ({
      start,
      end,
      allDay,
      location,
    }),
  );

describe('every case of events-seed.json', () => {
  test.each(seed.cases.map((entry) => [entry.text.slice(0, 60), entry] as const))('%s…', (_name, entry) => {
    expect(found(entry.text, entry.postDate)).toEqual(entry.events);
  });
});

describe('the other common forms', () => {
  test.each([
    ['The talk is at 7pm on Tuesday 9th February.', { start: '2010-02-09T19:00', end: null, allDay: false }],
    [
      'Come from 11am to 1.15pm on 3/2/2010.',
      { start: '2010-02-03T11:00', end: '2010-02-03T13:15', allDay: false },
    ],
    ['Tuesday 9th February, 7pm: the AGM.', { start: '2010-02-09T19:00', end: null, allDay: false }],
    ['It runs from 28 December to 2 January.', { start: '2009-12-28', end: '2010-01-02', allDay: true }],
    [
      'It runs from 30 December 2009 to 3 January 2010.',
      { start: '2009-12-30', end: '2010-01-03', allDay: true },
    ],
    ['On 2010-03-04 at 10:00 we meet.', { start: '2010-03-04T10:00', end: null, allDay: false }],
    ['The deadline is 2010-01-15.', { start: '2010-01-15', end: null, allDay: true }],
    [
      'Surgery on 5 March between 2 and 4pm.',
      { start: '2010-03-05T14:00', end: '2010-03-05T16:00', allDay: false },
    ],
    [
      'Drop in on 12 January, 1000-1600hrs.',
      { start: '2010-01-12T10:00', end: '2010-01-12T16:00', allDay: false },
    ],
  ])('%s', (text, expected) => {
    expect(found(text)).toEqual([{ location: null, ...expected }]);
  });

  test('numeric dates are day first by default and month first when the setting says so', () => {
    expect(found('Doors open 3/2/2010.')[0]?.start).toBe('2010-02-03');
    expect(found('Doors open 3/2/2010.', '2009-11-16', 'month-first')[0]?.start).toBe('2010-03-02');
  });

  test('a date without a year takes the year nearest the post date', () => {
    expect(found('See you on 5 January.', '2009-12-20')[0]?.start).toBe('2010-01-05');
    expect(found('It was on 20 December.', '2010-01-05')[0]?.start).toBe('2009-12-20');
  });

  test('several events in one post come out in reading order with their matched text', () => {
    const text = 'First on 25 November from 9.30-12.30. Then on 1 December, again between 9.30 and 12.30.';
    const events = extractEvents(text, { postDate: '2009-11-16', today: '2026-12-03' });
    expect(events.map((event) => event.text)).toEqual([
      'on 25 November from 9.30-12.30',
      'on 1 December, again between 9.30 and 12.30',
    ]);
    expect(text.slice(events[1]!.index, events[1]!.index + events[1]!.text.length)).toBe(events[1]!.text);
  });

  test.each([
    'Results published today reflect familiar trends.',
    'We will know more tomorrow, or in 3 days.',
    'It happened two weeks ago.',
    'Doors at 7pm.',
    'See you on Tuesday.',
    'The years 1000 – 1600 saw many changes.',
    'Tickets cost £9.30-12.30 each.',
  ])('no event in "%s"', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('the year of a date written without one', () => {
  const undated = (text: string, today = '2026-12-03') =>
    extractEvents(text, { postDate: null, today }).map(({ start, end, note }) => ({ start, end, note }));

  test('an undated draft: the next time that day comes, from today', () => {
    expect(undated('The workshop is on 27 November.')).toEqual([
      { start: '2027-11-27', end: null, note: null },
    ]);
    expect(undated('The workshop is on 10 December.')).toEqual([
      { start: '2026-12-10', end: null, note: null },
    ]);
    expect(undated('The workshop is on 3 December.')).toEqual([
      { start: '2026-12-03', end: null, note: null },
    ]);
  });

  test('a range follows the same rule, and crosses the new year', () => {
    expect(undated('The fair runs from November 5th through November 8th.')).toEqual([
      { start: '2027-11-05', end: '2027-11-08', note: null },
    ]);
    expect(undated('It runs from 28 December to 2 January.')).toEqual([
      { start: '2026-12-28', end: '2027-01-02', note: null },
    ]);
  });

  test('a written year is kept, whatever the post date', () => {
    expect(undated('It was held on the 30th and 31st of October 2009.')[0]?.start).toBe('2009-10-30');
  });

  test('a weekday that does not match the date is said beside it', () => {
    const [agm] = extractEvents('The AGM is on Tuesday 27 November.', {
      postDate: '2009-11-16',
      today: '2026-12-03',
    });
    expect(agm).toMatchObject({ start: '2009-11-27', note: '27 November 2009 is a Friday, not a Tuesday.' });
    const [right] = extractEvents('The AGM is on Friday 27 November.', {
      postDate: '2009-11-16',
      today: '2026-12-03',
    });
    expect(right).toMatchObject({ start: '2009-11-27', note: null });
  });
});

describe('what announces an event', () => {
  test('a digest’s period is not an event', () => {
    const digest = [
      'Bookmarks for November 5th through November 8th',
      'Awesomeness off of the internet for November 5th to November 8th:',
      'data.govt.nz – "Today, the Department of Internal Afairs launched data.govt.nz."',
    ].join('\n');
    expect(found(digest, '2009-11-08')).toEqual([]);
  });

  test('the same dates in a sentence that announces something are', () => {
    expect(found('The book fair runs from November 5th through November 8th.', '2009-11-08')).toEqual([
      { start: '2009-11-05', end: '2009-11-08', allDay: true, location: null },
    ]);
    expect(found('Links for 5 November. The meetup is at 7pm on 6 November.', '2009-11-08')).toEqual([
      { start: '2009-11-06T19:00', end: null, allDay: false, location: null },
    ]);
  });
});

describe('locations', () => {
  test.each([
    ['Meet at the Town Hall on 5 March.', 'Town Hall'],
    ['The conference is in Newcastle upon Tyne on 5 March.', 'Newcastle upon Tyne'],
    ['On 5 March we gather in Leeds, then go home.', 'Leeds'],
    ['Our workshop is at University of Brighton on 5 March.', 'University of Brighton'],
  ])('"%s" offers %s', (text, location) => {
    expect(found(text)[0]?.location).toBe(location);
  });

  test.each([
    ['On 27 November, Socitm will be holding a workshop.'],
    ['Speakers include Tracey Hughes from Brighton on 25 November.'],
    ['We met in Leeds. The next one is on 5 March.'],
    ['Our guest is Paula on 1 December.'],
    ['See you in January, on 5 March or so.'],
    ['Lunch at Noon on 5 March.'],
    ['Join us on 5 March at 7pm.'],
    ['It happens on 5 March in aid of the hospice.'],
    ['Speaking in English on 5 March.'],
  ])('no location in "%s"', (text) => {
    expect(found(text)[0]?.location).toBeNull();
  });

  test('a list of places stops at "and" unless it names one place', () => {
    expect(found('in London and Bob will chair it on 5 March')[0]?.location).toBe('London');
    expect(found('at Brighton and Hove Council on 25 November')[0]?.location).toBe(
      'Brighton and Hove Council',
    );
  });
});
