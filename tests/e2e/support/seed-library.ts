import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, runCliAsync } from '../../support/cli';
import { LEARNING_POOL_BREAKFAST } from '../../support/events';
import { startMicropubSite, type MicropubSite } from '../../support/micropub-server/micropub-site';
import { test, type AppUnderTest } from './fixtures';

/** The seed blog's event announcement, with the dates and times a real post has. */
export const EVENT_POST = {
  title: 'Learning Pool breakfasts in Brighton and Barnsley',
  html: [
    '<p>Learning Pool are running two breakfast briefings for councils this winter.</p>',
    '<p>The first is at Brighton and Hove Council on 25 November from 9.30-12.30, with speakers ',
    'including Tracey Hughes.</p>',
    '<p>The second is in Barnsley on 1 December, again between 9.30 and 12.30.</p>',
    '<p>Places are free for anyone working in the public sector; book through the events page.</p>',
  ].join(''),
};

/**
 * A Micropub site for all the tests of a file, started before the first and closed after the
 * last. `open(app)` seeds the app's library with that site as its blog and opens the app on it.
 */
export function useSeededLibrary() {
  let site: MicropubSite;
  test.beforeAll(async () => {
    site = await startMicropubSite();
  });
  test.afterAll(async () => {
    await site.close();
  });
  return {
    /** The site, once the file's tests have begun. */
    get site() {
      return site;
    },
    open: async (app: AppUnderTest) => {
      await seedLibrary(app.dataDir, site);
      await app.restart();
      return app.open();
    },
  };
}

function cli(args: string[], dataDir: string) {
  const result = runCli(args, { dataDir });
  if (result.status !== 0) throw new Error(`postwright ${args.join(' ')} failed: ${result.stderr}`);
  return result;
}

/**
 * A library as an author has it after a few weeks: drafts (one announcing events), the seed's
 * bookmarks in the inbox, events in the calendar, and a blog when a site is given. Written through
 * the CLI over the app's data folder; restart the app afterwards so it reads it.
 */
export async function seedLibrary(dataDir: string, blog?: MicropubSite) {
  const files = mkdtempSync(join(tmpdir(), 'postwright-seed-'));
  try {
    const body = join(files, 'event-post.html');
    writeFileSync(body, EVENT_POST.html);
    cli(['drafts', 'new', '--title', EVENT_POST.title, '--html', body, '--date', '2009-11-16'], dataDir);
    for (const [title, text] of [
      ['Leaving the Asylum', 'John is giving his blog a break for a few weeks.'],
      [
        'Works starts on skills framework for web professionals',
        'On 27 November, Socitm will be holding a workshop.',
      ],
    ]) {
      const file = join(files, 'post.html');
      writeFileSync(file, `<p>${text}</p>`);
      cli(['drafts', 'new', '--title', title!, '--html', file], dataDir);
    }
    cli(['inbox', 'import', 'tests/fixtures/digest-2009-11-05/bookmarks.html'], dataDir);
    const event = LEARNING_POOL_BREAKFAST;
    for (const { title, start, end, location } of [
      { ...event, title: `${event.title}, Brighton` },
      {
        title: 'Web skills workshop',
        start: '2009-11-27T10:00',
        end: '2009-11-27T16:00',
        location: 'London',
      },
    ])
      cli(
        ['events', 'add', '--title', title, '--start', start, '--end', end!, '--location', location],
        dataDir,
      );
    if (blog) {
      const added = await runCliAsync(['blogs', 'add', blog.url, '--token-stdin', '--json'], {
        dataDir,
        input: blog.auth.issueToken(),
      });
      if (added.status !== 0) throw new Error(`blogs add failed: ${added.stderr}`);
    }
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
}
