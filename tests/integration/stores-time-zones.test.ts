import { afterEach, describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput, zoneNote } from '../../renderer/features/editor/PostPanel/dates';
import { runCliAsync } from '../support/cli';
import { figure, printFigure } from '../support/reliability/figure';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-zones-');
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('dates and events across time zones (issue 12, item 8)', () => {
  it('a post dated in Auckland shows the same day and time in Los Angeles, with its zone named', async () => {
    const dataDir = tempDir();
    const made = await runCliAsync(['drafts', 'new', '--title', 'Dated', '--date', '2026-03-05', '--json'], {
      dataDir,
      env: { TZ: 'Pacific/Auckland' },
    });
    const { publishAt } = made.json<{ publishAt: string }>();
    // The post panel, read in Los Angeles (the renderer's date functions, in that zone).
    process.env.TZ = 'America/Los_Angeles';
    const shown = toLocalInput(publishAt);
    const note = zoneNote(publishAt);
    // Editing the time keeps the zone the date was set in.
    const edited = fromLocalInput('2026-03-05T09:30', publishAt);
    process.env.TZ = 'Pacific/Auckland';
    const atHome = zoneNote(publishAt);
    const ok = shown === '2026-03-05T00:00' && note === 'UTC+13:00' && atHome === null;
    printFigure(
      figure(
        'item 8',
        'post dated 2026-03-05 in Auckland, shown in Los Angeles',
        `${shown} (${note})`,
        '2026-03-05T00:00 (UTC+13:00)',
        ok,
      ),
    );
    expect({ shown, note, atHome, edited }).toEqual({
      shown: '2026-03-05T00:00',
      note: 'UTC+13:00',
      atHome: null,
      edited: '2026-03-05T09:30:00+13:00',
    });
  }, 120_000);

  it('events list for a local day includes an event another zone dates the next day, and names its zone', async () => {
    const dataDir = tempDir();
    const auckland = { TZ: 'Pacific/Auckland' };
    const losAngeles = { TZ: 'America/Los_Angeles' };
    await runCliAsync(['events', 'add', '--title', 'Evening talk', '--start', '2026-03-05T20:00'], {
      dataDir,
      env: auckland,
    });
    // 20:00 on 5 March in Auckland is 23:00 on 4 March in Los Angeles.
    const there = await runCliAsync(['events', 'list', '--from', '2026-03-04', '--to', '2026-03-04'], {
      dataDir,
      env: losAngeles,
    });
    const wrongDay = await runCliAsync(
      ['events', 'list', '--from', '2026-03-05', '--to', '2026-03-05', '--json'],
      { dataDir, env: losAngeles },
    );
    const home = await runCliAsync(['events', 'list', '--from', '2026-03-05', '--to', '2026-03-05'], {
      dataDir,
      env: auckland,
    });
    const ok = there.stdout.includes('Evening talk') && wrongDay.json<unknown[]>().length === 0;
    printFigure(
      figure(
        'item 8',
        'event at 20:00 5 March Auckland, listed for 4 March in Los Angeles',
        ok ? 'listed' : 'missed',
        'listed, zone named',
        ok,
      ),
    );
    expect(there.stdout).toContain('Evening talk');
    expect(there.stdout).toContain('Thursday 5 March 2026, 20.00');
    expect(there.stdout).toContain(
      'Pacific/Auckland time; here (America/Los_Angeles) Wednesday 4 March 2026, 23.00',
    );
    expect(wrongDay.json<unknown[]>()).toEqual([]);
    expect(home.stdout).toContain('Evening talk');
    expect(home.stdout).not.toContain('here (');
  }, 120_000);
});
