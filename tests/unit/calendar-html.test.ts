// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { eventBlockHtml, upcomingEventsHtml } from '../../shared/events/event-html';
import { formatEventLine } from '../../shared/events/event-text';
import { eventToMicropub } from '../../shared/events/micropub-event';
import { toIsoWithOffset } from '../../shared/events/time-zone';
import { LEARNING_POOL_BREAKFAST } from '../support/events';

const brighton = LEARNING_POOL_BREAKFAST;

function parse(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
}

describe('readable event text', () => {
  test.each([
    [brighton, 'Wednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council'],
    [
      { ...brighton, start: '2009-10-30', end: '2009-10-31', allDay: true, location: '' },
      'Friday 30 – Saturday 31 October 2009',
    ],
    [
      { ...brighton, start: '2009-12-28', end: '2010-01-02', allDay: true, location: '' },
      'Monday 28 December 2009 – Saturday 2 January 2010',
    ],
    [
      { ...brighton, start: '2009-11-27', end: null, allDay: true, location: 'London' },
      'Friday 27 November 2009, London',
    ],
    [{ ...brighton, end: null, location: '' }, 'Wednesday 25 November 2009, 9.30'],
  ])('%# %s', (event, text) => {
    expect(formatEventLine(event)).toBe(text);
  });
});

describe('h-event markup', () => {
  test('an event block reads as the seed writes it and carries p-name, dt-start, dt-end, p-location, p-summary', () => {
    const block = parse(eventBlockHtml(brighton)).querySelector('.h-event')!;
    expect(block.querySelector('.p-name')?.textContent).toBe('Learning Pool breakfast');
    expect(block.querySelector('p')?.textContent).toBe(
      'Learning Pool breakfastWednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council',
    );
    expect(block.querySelector('time.dt-start')?.getAttribute('datetime')).toBe('2009-11-25T09:30:00+00:00');
    expect(block.querySelector('time.dt-end')?.getAttribute('datetime')).toBe('2009-11-25T12:30:00+00:00');
    expect(block.querySelector('.p-location')?.textContent).toBe('Brighton and Hove Council');
    expect(block.querySelector('.p-summary')?.textContent).toBe('Speakers include Tracey Hughes.');
  });

  test('summer times carry the summer offset; all-day events carry dates', () => {
    expect(toIsoWithOffset('2010-07-01T09:30', 'Europe/London')).toBe('2010-07-01T09:30:00+01:00');
    const allDay = parse(
      eventBlockHtml({ ...brighton, start: '2009-10-30', end: '2009-10-31', allDay: true }),
    );
    expect(allDay.querySelector('.dt-start')?.getAttribute('datetime')).toBe('2009-10-30');
    expect(allDay.querySelector('.dt-end')?.getAttribute('datetime')).toBe('2009-10-31');
  });

  test('everything from the author is escaped, and only web links become href', () => {
    const html = eventBlockHtml({
      ...brighton,
      title: '<script>alert(1)</script> & "tea"',
      location: '<b>Hove</b>',
      url: 'javascript:alert(1)',
      description: 'One\n\nTwo <i>',
    });
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;tea&quot;');
    expect(parse(html).querySelector('.e-content')?.querySelectorAll('p')).toHaveLength(2);
    // The one link policy: no name and password in the address, no control character, absolute only.
    for (const url of [
      'https://bank.example@evil.example/',
      'ht\ttps://example.org/',
      'https:example.org',
      '/e',
    ])
      expect(parse(eventBlockHtml({ ...brighton, url })).querySelector('a.p-name')).toBeNull();
    const linked = parse(eventBlockHtml({ ...brighton, url: 'https://example.org/e?a=1&b=2' }));
    expect(linked.querySelector('a.p-name.u-url')?.getAttribute('href')).toBe(
      'https://example.org/e?a=1&b=2',
    );
  });

  test('an upcoming-events list is an h-feed with one h-event per occurrence', () => {
    const list = parse(
      upcomingEventsHtml([
        { event: brighton, start: brighton.start, end: brighton.end },
        { event: { ...brighton, location: 'Barnsley' }, start: '2009-12-01T09:30', end: '2009-12-01T12:30' },
      ]),
    );
    expect(list.querySelector('.h-feed > h3.p-name')?.textContent).toBe('Upcoming events');
    const items = list.querySelectorAll('li.h-event');
    expect(items).toHaveLength(2);
    expect(items[1]?.textContent).toBe(
      'Learning Pool breakfast: Tuesday 1 December 2009, 9.30–12.30, Barnsley',
    );
  });
});

describe('Micropub h-event', () => {
  test('maps an event to name, start, end, location, summary and content', () => {
    expect(eventToMicropub({ ...brighton, url: 'https://example.org/e' })).toEqual({
      type: ['h-event'],
      properties: {
        name: ['Learning Pool breakfast'],
        start: ['2009-11-25T09:30:00+00:00'],
        end: ['2009-11-25T12:30:00+00:00'],
        location: ['Brighton and Hove Council'],
        url: ['https://example.org/e'],
        summary: ['Speakers include Tracey Hughes.'],
        content: [{ html: '<p>Speakers include Tracey Hughes.</p>' }],
      },
    });
  });

  test('leaves out what the event does not have and takes the post body as content', () => {
    const request = eventToMicropub(
      { ...brighton, start: '2009-10-30', end: null, allDay: true, location: '', description: '' },
      { contentHtml: '<p>Body</p>' },
    );
    expect(request.properties).toEqual({
      name: ['Learning Pool breakfast'],
      start: ['2009-10-30'],
      content: [{ html: '<p>Body</p>' }],
    });
  });
});
