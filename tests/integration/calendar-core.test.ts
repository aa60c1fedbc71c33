import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract';
import { upcomingEventsHtml } from '../../shared/events/event-html';
import type { CalendarEvent } from '../../shared/model/calendar-event';
import { createRouter } from '../../main/core/rpc/router';
import { silentLogger } from '../../main/core/platform/logger';
import { createTestCore } from '../support/test-core';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

/** A core over a real data folder, called through the router like every transport does. */
function openCalendar(dataDir = tempDir()) {
  const core = createTestCore(dataDir, { now: () => new Date('2009-11-16T12:00:00Z') });
  const router = createRouter(core.handlers, silentLogger);
  async function call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const reply = await router.handle({ id: 1, method, args }, { signal: new AbortController().signal });
    if (!reply.ok) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return reply.value as ResultOf<M>;
  }
  return { core, call, dataDir };
}

const breakfast = {
  title: 'Learning Pool breakfast, Brighton; with tea',
  start: '2009-11-25T09:30',
  end: '2009-11-25T12:30',
  timeZone: 'Europe/London',
  location: 'Brighton and Hove Council',
  url: 'https://example.org/events/brighton',
  description:
    'Speakers include Tracey Hughes.\nCroissants provided — “great stories” about change in councils, with a long line that must be folded in the file because it goes well past seventy-five octets.',
};

function comparable(event: CalendarEvent) {
  const { id: _id, createdAt: _c, updatedAt: _u, mentions: _m, ...rest } = event;
  return rest;
}

describe('events in the store', () => {
  test('create, list by range, update, delete with undo; all kept across a restart', async () => {
    const { call, dataDir } = openCalendar();
    const created = await call('events-create', breakfast);
    expect(created.uid).toMatch(/@postwright$/);
    await call('events-create', { title: 'GovHack', start: '2009-10-30', end: '2009-10-31', allDay: true });

    const november = await call('events-list', { from: '2009-11-01', to: '2009-11-30' });
    expect(november.map((entry) => entry.event.title)).toEqual([breakfast.title]);

    const moved = await call('events-update', {
      id: created.id,
      patch: { start: '2009-11-26T09:30', end: '2009-11-26T12:30' },
    });
    expect(moved.start).toBe('2009-11-26T09:30');

    await call('events-delete', { id: created.id });
    expect(await call('events-list', { from: '2009-11-01', to: '2009-11-30' })).toEqual([]);
    await call('events-restore', { id: created.id });

    const again = openCalendar(dataDir);
    const all = await again.call('events-list', {});
    expect(all.map((entry) => entry.event.title)).toEqual(['GovHack', breakfast.title]);
    expect(JSON.parse(readFileSync(join(dataDir, 'calendar', 'events.json'), 'utf8')).version).toBe(1);
  });

  test('says what is wrong with an impossible event', async () => {
    const { call } = openCalendar();
    await expect(call('events-create', { ...breakfast, end: '2009-11-25T08:00' })).rejects.toThrow(
      /ends before it starts/,
    );
    await expect(call('events-create', { ...breakfast, start: '25/11/2009' })).rejects.toMatchObject({
      code: 'invalid-args',
    });
    await expect(call('events-create', { ...breakfast, timeZone: 'Mars/Olympus' })).rejects.toMatchObject({
      code: 'invalid-args',
    });
  });

  test('an unreadable calendar file is moved aside, never deleted', async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'calendar'));
    writeFileSync(join(dataDir, 'calendar', 'events.json'), '{"version":1,"events":[{"id"');
    const { call } = openCalendar(dataDir);
    expect(await call('events-list', {})).toEqual([]);
    expect(readdirSync(join(dataDir, 'quarantine')).some((name) => name.endsWith('events.json'))).toBe(true);
  });
});

describe('.ics export and import', () => {
  test('the export is valid RFC 5545 that ical.js reads back', async () => {
    const { call } = openCalendar();
    const event = await call('events-create', breakfast);
    const { content, filename } = await call('events-export', { ids: [event.id] });
    expect(filename).toBe('learning-pool-breakfast-brighton-with-tea.ics');

    for (const line of content.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(content).toContain('SUMMARY:Learning Pool breakfast\\, Brighton\\; with tea');
    expect(content).toMatch(/DTSTART;TZID=Europe\/London:20091125T093000/);

    const calendar = new ICAL.Component(ICAL.parse(content));
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    const vevent = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(vevent.uid).toBe(event.uid);
    expect(vevent.summary).toBe(breakfast.title);
    expect(vevent.description).toBe(breakfast.description);
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(vevent.startDate.toJSDate().toISOString()).toBe('2009-11-25T09:30:00.000Z');
  });

  test('a summer time converts through the VTIMEZONE', async () => {
    const { call } = openCalendar();
    const event = await call('events-create', {
      ...breakfast,
      start: '2010-07-01T09:30',
      end: '2010-07-01T12:30',
    });
    const { content } = await call('events-export', { ids: [event.id] });
    const calendar = new ICAL.Component(ICAL.parse(content));
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const start = vevent.getFirstProperty('dtstart')!;
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    const time = (start.getFirstValue() as ICAL.Time).clone();
    time.zone = zone;
    expect(time.toJSDate().toISOString()).toBe('2010-07-01T08:30:00.000Z');
  });

  test('export then import into another calendar gives the same events', async () => {
    const source = openCalendar();
    await source.call('events-create', breakfast);
    await source.call('events-create', {
      title: 'GovHack',
      start: '2009-10-30',
      end: '2009-10-31',
      allDay: true,
    });
    await source.call('events-create', {
      title: 'Workshop',
      start: '2009-11-27T10:00',
      end: null,
      timeZone: 'UTC',
    });
    const { content } = await source.call('events-export', {});

    const target = openCalendar();
    const result = await target.call('events-import', { content });
    expect(result).toMatchObject({ added: 3, updated: 0, skipped: [] });
    const before = (await source.call('events-list', {})).map((entry) => comparable(entry.event));
    const after = (await target.call('events-list', {})).map((entry) => comparable(entry.event));
    expect(after).toEqual(before);
  });

  test('an event with a known UID is updated, not doubled', async () => {
    const { call } = openCalendar();
    const event = await call('events-create', breakfast);
    const { content } = await call('events-export', {});
    const changed = content.replace('LOCATION:Brighton and Hove Council', 'LOCATION:Hove Town Hall');
    const result = await call('events-import', { content: changed });
    expect(result).toMatchObject({ added: 0, updated: 1 });
    const all = await call('events-list', {});
    expect(all).toHaveLength(1);
    expect(all[0]!.event).toMatchObject({ id: event.id, location: 'Hove Town Hall' });
  });

  test('a repeating event is kept with its rule and shown once per occurrence in a range', async () => {
    const { call } = openCalendar();
    const ics = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Test//EN',
      'BEGIN:VTIMEZONE',
      'TZID:GMT Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0000',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
      'END:STANDARD',
      'BEGIN:DAYLIGHT',
      'DTSTART:16010101T010000',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0100',
      'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
      'END:DAYLIGHT',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'UID:weekly-1@example.org',
      'DTSTAMP:20091101T000000Z',
      'SUMMARY:Web managers surgery',
      'DTSTART;TZID=GMT Standard Time:20091104T140000',
      'DTEND;TZID=GMT Standard Time:20091104T150000',
      'RRULE:FREQ=WEEKLY;COUNT=6',
      'EXDATE;TZID=GMT Standard Time:20091118T140000',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:weekly-1@example.org',
      'RECURRENCE-ID;TZID=GMT Standard Time:20091125T140000',
      'DTSTAMP:20091101T000000Z',
      'SUMMARY:Web managers surgery (moved)',
      'DTSTART;TZID=GMT Standard Time:20091126T140000',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = await call('events-import', { content: ics });
    expect(result.added).toBe(1);
    expect(result.skipped).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ rrule: 'FREQ=WEEKLY;COUNT=6', start: '2009-11-04T14:00' });

    const november = await call('events-list', { from: '2009-11-01', to: '2009-11-30' });
    expect(november.map((entry) => entry.start)).toEqual([
      '2009-11-04T14:00',
      '2009-11-11T14:00',
      '2009-11-25T14:00',
    ]);
    expect(november[0]!.end).toBe('2009-11-04T15:00');
    const next = await call('events-list', { from: '2009-12-01' });
    expect(next.map((entry) => entry.start)).toEqual(['2009-12-02T14:00']);

    const { content } = await call('events-export', {});
    expect(content).toContain('RRULE:FREQ=WEEKLY;COUNT=6');
  });

  test('says plainly when a file is not a calendar', async () => {
    const { call } = openCalendar();
    await expect(call('events-import', { content: 'hello' })).rejects.toThrow(/not an iCalendar/);
  });
});

describe('events in a draft', () => {
  const learningPool =
    '<p>Two such events are currently scheduled: firstly in at Brighton and Hove Council on 25 November from 9.30-12.30.</p>' +
    '<p>Second is Barnsley on 1 December, again between 9.30 and 12.30.</p>';

  test('an inserted upcoming-events block is not found again, and the editor’s HTML gives the same answer', async () => {
    const { call } = openCalendar();
    const upcoming = upcomingEventsHtml([
      { event: { ...breakfast, allDay: false }, start: breakfast.start, end: breakfast.end },
      { event: { ...breakfast, title: 'Barnsley', allDay: false }, start: '2009-12-01T09:30', end: null },
    ]);
    const html = `${learningPool}${upcoming}`;
    const draft = await call('drafts-create', {
      title: 'Breakfasts',
      publishAt: '2009-11-16T09:00:00Z',
      html,
    });
    const fromDraft = await call('events-extract', { draftId: draft.id });
    expect(fromDraft.map((event) => event.start)).toEqual(['2009-11-25T09:30', '2009-12-01T09:30']);
    expect(await call('events-extract', { html, postDate: '2009-11-16' })).toEqual(fromDraft);
  });

  test('an undated draft places a date without a year at its next occurrence from today', async () => {
    const { call } = openCalendar();
    const draft = await call('drafts-create', {
      title: 'Soon',
      html: '<p>The workshop is on 10 November.</p>',
    });
    expect((await call('events-extract', { draftId: draft.id })).map((event) => event.start)).toEqual([
      '2010-11-10',
    ]);
    expect(
      (await call('events-extract', { html: '<p>The workshop is on 10 November.</p>', postDate: null })).map(
        (event) => event.start,
      ),
    ).toEqual(['2010-11-10']);
  });

  test('a digest draft is dated at the end of its period and proposes only what its links announce', async () => {
    const { call } = openCalendar();
    await call('inbox-import', {
      filename: 'bookmarks.html',
      content: readFileSync('tests/fixtures/digest-2009-11-05/bookmarks.html', 'utf8'),
    });
    const { draft } = await call('digest-create', { from: '2009-11-05', to: '2009-11-08' });
    expect((await call('drafts-get', { id: draft.id })).publishAt?.slice(0, 10)).toBe('2009-11-08');
    const found = await call('events-extract', { draftId: draft.id });
    // Only GovHack, which "was held on the 30th and 31st of October 2009"; never the digest's own period.
    expect(found.map(({ start, end }) => ({ start, end }))).toEqual([
      { start: '2009-10-30', end: '2009-10-31' },
    ]);
  });

  test('the Learning Pool paragraphs give both events, dated from the post', async () => {
    const { call } = openCalendar();
    const draft = await call('drafts-create', {
      title: 'Learning Pool Breakfast events',
      publishAt: '2009-11-16T09:00:00Z',
      html:
        '<p>Two such events are currently scheduled: firstly in at Brighton and Hove Council on 25 November from 9.30-12.30.</p>' +
        '<p>Second is Barnsley on 1 December, again between 9.30 and 12.30.</p>',
    });
    const found = await call('events-extract', { draftId: draft.id });
    expect(found.map(({ start, end, location }) => ({ start, end, location }))).toEqual([
      { start: '2009-11-25T09:30', end: '2009-11-25T12:30', location: 'Brighton and Hove Council' },
      { start: '2009-12-01T09:30', end: '2009-12-01T12:30', location: 'Barnsley' },
    ]);
  });
});
