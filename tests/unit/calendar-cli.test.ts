import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { FoundEvent } from '../../shared/events/extract-events';
import type { CalendarEvent, EventImportResult, EventOccurrence } from '../../shared/model/calendar-event';
import { runCli } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();

// Each test runs the built CLI several times; on a busy machine a run takes a few seconds.
describe('postwright events', { timeout: 120_000 }, () => {
  it('adds events and lists them by range, as text and as JSON', () => {
    const dataDir = tempDir();
    const added = runCli(
      [
        'events',
        'add',
        '--title',
        'Learning Pool breakfast',
        '--start',
        '2009-11-25T09:30',
        '--end',
        '2009-11-25T12:30',
        '--location',
        'Brighton and Hove Council',
        '--json',
      ],
      { dataDir },
    );
    expect(added.status).toBe(0);
    expect(added.json<CalendarEvent>()).toMatchObject({ start: '2009-11-25T09:30', allDay: false });
    expect(
      runCli(
        ['events', 'add', '--title', 'GovHack', '--start', '2009-10-30', '--end', '2009-10-31', '--all-day'],
        { dataDir },
      ).stdout,
    ).toContain('Added GovHack: Friday 30 – Saturday 31 October 2009');

    const text = runCli(['events', 'list', '--from', '2009-11-01', '--to', '2009-11-30'], { dataDir });
    expect(text.stdout).toContain('Wednesday 25 November 2009, 9.30–12.30, Brighton and Hove Council');
    expect(text.stdout).not.toContain('GovHack');
    const json = runCli(['events', 'list', '--json'], { dataDir }).json<EventOccurrence[]>();
    expect(json.map((entry) => entry.event.title)).toEqual(['GovHack', 'Learning Pool breakfast']);
  });

  it('exports .ics to stdout and imports it again without doubling', () => {
    const dataDir = tempDir();
    runCli(
      ['events', 'add', '--title', 'Workshop', '--start', '2009-11-27T10:00', '--end', '2009-11-27T16:00'],
      { dataDir },
    );
    const exported = runCli(['events', 'export', '--from', '2009-11-01', '--to', '2009-11-30'], { dataDir });
    expect(exported.status).toBe(0);
    const vevent = new ICAL.Component(ICAL.parse(exported.stdout)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('Workshop');

    const file = join(tempDir(), 'events.ics');
    writeFileSync(file, exported.stdout);
    const imported = runCli(['events', 'import', file, '--json'], { dataDir }).json<EventImportResult>();
    expect(imported).toMatchObject({ added: 0, updated: 1 });
    expect(runCli(['events', 'list', '--json'], { dataDir }).json<unknown[]>()).toHaveLength(1);
    expect(
      runCli(['events', 'export', '--from', '2010-01-01', '--to', '2010-01-31'], { dataDir }).stdout,
    ).not.toContain('VEVENT');
  });

  it('prints the events found in a draft', () => {
    const dataDir = tempDir();
    const html = join(tempDir(), 'post.html');
    writeFileSync(
      html,
      '<p>If you would like to get involved, attend the workshop on 27 November, which will run in London from 1000 – 1600.</p>',
    );
    const draft = runCli(
      ['drafts', 'new', '--title', 'Web skills', '--html', html, '--date', '2009-11-16', '--json'],
      {
        dataDir,
      },
    ).json<{ id: string }>();
    const found = runCli(['events', 'extract', draft.id, '--json'], { dataDir }).json<FoundEvent[]>();
    expect(found).toMatchObject([
      { start: '2009-11-27T10:00', end: '2009-11-27T16:00', allDay: false, location: 'London' },
    ]);
    expect(found[0]!.text).toContain('27 November');
    expect(runCli(['events', 'extract', draft.id], { dataDir }).stdout).toContain(
      '2009-11-27T10:00 – 2009-11-27T16:00  (timed)  at London',
    );
  });

  it('does not count an inserted upcoming-events block as new events', () => {
    const dataDir = tempDir();
    const html = join(tempDir(), 'post.html');
    writeFileSync(
      html,
      '<p>Brighton and Hove Council on 25 November from 9.30-12.30.</p><p>Second is Barnsley on 1 December, again between 9.30 and 12.30.</p>' +
        '<div class="h-feed"><h3 class="p-name">Upcoming events</h3><ul><li class="h-event"><strong class="p-name">Breakfast</strong>: ' +
        '<time class="dt-start" datetime="2009-11-25T09:30:00Z">Wednesday 25 November 2009, 9.30</time></li></ul></div>',
    );
    const draft = runCli(
      ['drafts', 'new', '--title', 'Breakfasts', '--html', html, '--date', '2009-11-16', '--json'],
      {
        dataDir,
      },
    ).json<{ id: string }>();
    const found = runCli(['events', 'extract', draft.id, '--json'], { dataDir }).json<FoundEvent[]>();
    expect(found.map((event) => event.start)).toEqual(['2009-11-25T09:30', '2009-12-01T09:30']);
  });

  it('says what to do when something is wrong', () => {
    const dataDir = tempDir();
    const badStart = runCli(['events', 'add', '--title', 'X', '--start', '25/11/2009'], { dataDir });
    expect(badStart.status).toBe(2);
    expect(badStart.stderr).toContain('give a date (2009-11-25) or a date and time (2009-11-25T09:30)');
    const untitled = runCli(['events', 'add', '--title', ' ', '--start', '2009-11-25'], { dataDir });
    expect(untitled.status).toBe(1);
    expect(untitled.stderr).toContain('An event needs a title.');
    const backwards = runCli(
      ['events', 'add', '--title', 'X', '--start', '2009-11-25T10:00', '--end', '2009-11-25T09:00'],
      {
        dataDir,
      },
    );
    expect(backwards.stderr).toContain('The event ends before it starts');
    const missing = runCli(['events', 'import', join(dataDir, 'none.ics')], { dataDir });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Check the path');
    const notCalendar = join(dataDir, 'bad.ics');
    writeFileSync(notCalendar, 'hello');
    expect(runCli(['events', 'import', notCalendar], { dataDir }).stderr).toContain('not an iCalendar');
    expect(runCli(['events', 'extract', 'no-such-draft'], { dataDir }).stderr).toContain(
      'postwright drafts list',
    );
  });
});
