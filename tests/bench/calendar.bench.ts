import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { en } from 'chrono-node';
import { createRouter } from '../../main/core/rpc/router';
import { silentLogger } from '../../main/core/platform/logger';
import { extractEvents } from '../../shared/events/extract-events';
import { createTestCore } from '../support/test-core';
import { median, row, type BenchRow } from './bench-kit';

function timeMs(run: () => unknown, times: number): number[] {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Events from prose: the whole seed post read by our parser (chrono with the British parsers and
 * refiners, plus places) against chrono's own British parser alone on the same text; and listing a
 * calendar of 1,000 events (50 of them weekly) for one month through the router.
 */
export async function calendarBench(): Promise<BenchRow[]> {
  const post = readFileSync(resolve('tests', 'fixtures', 'events', 'seed-posts.txt'), 'utf8');
  const reference = new Date(2009, 10, 16, 12);
  timeMs(() => extractEvents(post, { postDate: '2009-11-16', today: '2009-11-16' }), 5);
  const ours = median(timeMs(() => extractEvents(post, { postDate: '2009-11-16', today: '2009-11-16' }), 30));
  const chronoOnly = median(timeMs(() => en.GB.parse(post, reference), 30));

  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-bench-calendar-'));
  try {
    const core = createTestCore(dataDir);
    const router = createRouter(core.handlers, silentLogger);
    const call = (method: string, args: unknown) =>
      router.handle({ id: 1, method, args }, { signal: new AbortController().signal });
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Bench//EN'];
    for (let i = 0; i < 1000; i++) {
      const day = String((i % 28) + 1).padStart(2, '0');
      const month = String((i % 12) + 1).padStart(2, '0');
      lines.push(
        'BEGIN:VEVENT',
        `UID:bench-${i}@example.org`,
        'DTSTAMP:20091101T000000Z',
        `SUMMARY:Event ${i}`,
        `DTSTART;TZID=Europe/London:2009${month}${day}T093000`,
        `DTEND;TZID=Europe/London:2009${month}${day}T123000`,
        ...(i < 50 ? ['RRULE:FREQ=WEEKLY;COUNT=100'] : []),
        'END:VEVENT',
      );
    }
    lines.push('END:VCALENDAR');
    await call('events-import', { content: lines.join('\r\n') });
    const samples: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      await call('events-list', { from: '2009-11-01', to: '2009-11-30' });
      samples.push(performance.now() - started);
    }
    // Another process opening the same calendar: the store read from disk, then the same month.
    await core.dispose();
    const again = createTestCore(dataDir);
    const reopened = createRouter(again.handlers, silentLogger);
    const reopening = performance.now();
    await reopened.handle(
      { id: 1, method: 'events-list', args: { from: '2009-11-01', to: '2009-11-30' } },
      { signal: new AbortController().signal },
    );
    const reopen = performance.now() - reopening;
    await again.dispose();
    return [
      row('events found in the seed post', ours, 'ms', {
        baseline: { name: 'chrono en.GB alone', value: chronoOnly },
      }),
      row('list a month of 1,000 events', median(samples), 'ms', { note: '50 weekly events expanded' }),
      row('calendar: reopen the store of 1,000 events and list a month', reopen, 'ms', {
        budget: { limit: 150, of: 'value' },
        note: 'a fresh core over the same folder, as the next process opens it',
      }),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
