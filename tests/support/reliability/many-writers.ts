import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Draft } from '../../../shared/model/draft';
import { blankDraftFields } from '../../../shared/model/draft';
import { runCliAsync } from '../cli';
import { startApp, type AppProcess } from './app-process';
import { figure, type Figure } from './figure';

const readDraft = (dataDir: string, id: string) =>
  JSON.parse(readFileSync(join(dataDir, 'drafts', id, 'draft.json'), 'utf8')) as Draft;

/** The app autosaving a draft as the author types, until stopped; resolves with how many saves went through. */
function autosave(app: AppProcess, id: string, title: string) {
  let typing = true;
  let saves = 0;
  const done = (async () => {
    while (typing) {
      saves += 1;
      await app.call('drafts-save', {
        draft: { ...blankDraftFields(), id, title, html: `<p>typing ${saves}</p>`, editorState: null },
      });
    }
    return saves;
  })();
  return {
    /** Lets at least `count` more saves happen, then stops. */
    async stopAfter(count: number) {
      const until = saves + count;
      while (saves < until) await new Promise((resolve) => setTimeout(resolve, 5));
      typing = false;
      return done;
    },
  };
}

/**
 * Issue 12, item 1: the app autosaving an open draft while the CLI trashes it (`drafts delete`)
 * or publishes it. A change the CLI acknowledged must survive the app's next saves; publishing
 * again from the app must update the post, never make a second one.
 */
export async function appAndCliOnOneDraft(options: {
  dataDir: string;
  rounds: number;
  blogId: string;
  /** How many posts with this title the blog has (1 after a publish and an update). */
  postsTitled: (title: string) => Promise<number>;
}): Promise<Figure[]> {
  const { dataDir, rounds } = options;
  const app = await startApp(dataDir);
  let reverted = 0;
  let duplicates = 0;
  try {
    for (let round = 0; round < rounds; round += 1) {
      const title = `Round ${round} ${Date.now()}`;
      const draft = await app.call('drafts-create', { title });
      // drafts delete while typing: still in the trash after the next saves
      const typing = autosave(app, draft.id, title);
      const deleted = await runCliAsync(['drafts', 'delete', draft.id], { dataDir });
      if (deleted.status !== 0) throw new Error(`drafts delete failed: ${deleted.stderr}`);
      await typing.stopAfter(3);
      if (readDraft(dataDir, draft.id).trashedAt === null) reverted += 1;
      await app.call('drafts-restore', { id: draft.id });

      // publish while typing: the link to the post survives the next saves
      const typingAgain = autosave(app, draft.id, title);
      const published = await runCliAsync(['publish', draft.id, '--blog', options.blogId, '--json'], {
        dataDir,
      });
      if (published.status !== 0) throw new Error(`publish failed: ${published.stderr}`);
      await typingAgain.stopAfter(3);
      if (readDraft(dataDir, draft.id).remote === null) reverted += 1;
      // the app publishes again: an update of the same post
      const again = await app.call('publish', { draftId: draft.id, blogId: options.blogId });
      if (again.state !== 'done') throw new Error(`the app's publish ended ${again.state}: ${again.reason}`);
      if ((await options.postsTitled(title)) !== 1) duplicates += 1;
    }
  } finally {
    await app.stop();
  }
  return [
    figure(
      'R14',
      `app typing + CLI delete/publish, ${rounds} rounds each`,
      `${reverted} reverted`,
      '0',
      reverted === 0,
    ),
    figure(
      'R14',
      `app publishing again after the CLI, ${rounds} rounds`,
      `${duplicates} duplicate posts`,
      '0',
      duplicates === 0,
    ),
  ];
}

/** Runs `app` and `cli` at the same time; both must be acknowledged. */
async function together(app: Promise<unknown>, cli: Promise<{ status: number; stderr: string }>) {
  const [, done] = await Promise.all([app, cli]);
  if (done.status !== 0) throw new Error(`the CLI failed: ${done.stderr}`);
}

/**
 * Issue 12, item 2 and the second figure: the app and the CLI changing the calendar, the inbox,
 * blogs, digest templates and settings at the same moment, `rounds` times each. Every change
 * either acknowledged must be in the files afterwards.
 */
export async function appAndCliOnEveryStore(options: {
  dataDir: string;
  rounds: number;
  blogEndpoint: string;
  blogId: string;
}): Promise<Figure[]> {
  const { dataDir, rounds } = options;
  const app = await startApp(dataDir);
  const lost: Record<string, number> = { calendar: 0, inbox: 0, blogs: 0, templates: 0, settings: 0 };
  const day = (round: number) => `2026-0${1 + (round % 9)}-1${round % 10}`;
  try {
    for (let round = 0; round < rounds; round += 1) {
      const tag = `${round}-${Date.now().toString(36)}`;
      // calendar: an event from each side
      let appEvent = '';
      await together(
        app
          .call('events-create', {
            title: `app ${tag}`,
            start: `${day(round)}T10:00`,
            end: null,
            allDay: false,
          })
          .then((event) => {
            appEvent = event.id;
          }),
        runCliAsync(['events', 'add', '--title', `cli ${tag}`, '--start', `${day(round)}T11:00`], {
          dataDir,
        }),
      );
      const events = (
        JSON.parse(readFileSync(join(dataDir, 'calendar', 'events.json'), 'utf8')) as {
          events: { id: string; title: string }[];
        }
      ).events;
      if (!events.some((event) => event.id === appEvent)) lost.calendar! += 1;
      if (!events.some((event) => event.title === `cli ${tag}`)) lost.calendar! += 1;

      // inbox: a link from each side
      await together(
        app.call('inbox-add', { links: [{ url: `https://app.example/${tag}` }], awaitMetadata: false }),
        runCliAsync(['inbox', 'add', `https://cli.example/${tag}`], { dataDir }),
      );
      const links = await runCliAsync(['inbox', 'list', '--json'], { dataDir });
      for (const url of [`https://app.example/${tag}`, `https://cli.example/${tag}`])
        if (!links.stdout.includes(url)) lost.inbox! += 1;

      // blogs: the app renames the blog while the CLI adds another
      await together(
        app.call('blogs-update', { id: options.blogId, patch: { name: `App name ${tag}` } }),
        runCliAsync(
          [
            'blogs',
            'add',
            options.blogEndpoint.replace('/xmlrpc.php', `/${tag}/`),
            '--user',
            'author',
            '--password-stdin',
            '--json',
          ],
          {
            dataDir,
            input: 'secret\n',
          },
        ),
      );
      const blogs = readFileSync(join(dataDir, 'blogs.json'), 'utf8');
      if (!blogs.includes(`App name ${tag}`)) lost.blogs! += 1;
      if (!blogs.includes(`/${tag}/`)) lost.blogs! += 1;

      // templates and settings: a template and the theme from the app, a template and the date order from the CLI
      const settings = await app.call('settings-get', {});
      const theme = round % 2 === 0 ? 'dark' : 'light';
      const dateOrder = round % 2 === 0 ? 'month-first' : 'day-first';
      await together(
        app.call('settings-update', {
          patch: {
            theme,
            digestTemplates: [
              ...settings.digestTemplates,
              { ...settings.digestTemplates[0]!, name: `app ${tag}` },
            ],
          },
          base: { templateNames: settings.digestTemplates.map((template) => template.name) },
        }),
        runCliAsync(['templates', 'add', `cli ${tag}`], { dataDir }).then(async (added) =>
          added.status === 0 ? runCliAsync(['settings', 'date-order', dateOrder], { dataDir }) : added,
        ),
      );
      const file = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as {
        theme: string;
        dateOrder: string;
        digestTemplates: { name: string }[];
      };
      for (const name of [`app ${tag}`, `cli ${tag}`])
        if (!file.digestTemplates.some((template) => template.name === name)) lost.templates! += 1;
      if (file.theme !== theme) lost.settings! += 1;
      if (file.dateOrder !== dateOrder) lost.settings! += 1;
      // Both templates go again, so a hundred rounds stay within the 50 templates a library keeps.
      const kept = (await app.call('settings-get', {})).digestTemplates;
      await app.call('settings-update', {
        patch: {
          digestTemplates: kept.filter((template) => ![`app ${tag}`, `cli ${tag}`].includes(template.name)),
        },
        base: { templateNames: kept.map((template) => template.name) },
      });
    }
  } finally {
    await app.stop();
  }
  return Object.entries(lost).map(([store, count]) =>
    figure(
      'R14',
      `app + CLI changing ${store} at once, ${rounds} rounds`,
      `${count} acknowledged changes lost`,
      '0',
      count === 0,
    ),
  );
}

/** A Netscape bookmark file of `count` links, with long comments so an import passes the compaction size. */
function bookmarkFile(prefix: string, count: number): string {
  const comment = 'A long comment that makes the journal grow. '.repeat(40);
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `<DT><A HREF="https://${prefix}.example/${i}" ADD_DATE="1257379200">${prefix} ${i}</A>\n<DD>${comment}`,
  );
  return `<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<DL><p>\n${rows.join('\n')}\n</DL><p>\n`;
}

/**
 * Issue 12, items 3–5 and the third figure: two CLI processes at once, creating drafts, importing
 * links (long enough that compactions happen during the imports) and retrying the outbox.
 */
export async function twoCliProcesses(options: {
  dataDir: string;
  draftsEach: number;
  linksEach: number;
  jobs: number;
  blogId: string;
  blog: { failNext(count: number): void; created: Map<string, number> };
  scratch: string;
}): Promise<Figure[]> {
  const { dataDir } = options;
  const failures: string[] = [];
  const cli = async (args: string[], input?: string) => {
    const result = await runCliAsync(args, { dataDir, ...(input ? { input } : {}) });
    if (result.status !== 0)
      failures.push(
        `${args.slice(0, 2).join(' ')}: exit ${result.status}: ${result.stderr.trim().split('\n')[0]}`,
      );
    return result;
  };

  // drafts new, two loops at once
  let failed = 0;
  const made: string[] = [];
  await Promise.all(
    [0, 1].map(async (loop) => {
      for (let i = 0; i < options.draftsEach; i += 1) {
        const result = await cli(['drafts', 'new', '--title', `loop ${loop} draft ${i}`, '--json']);
        if (result.status !== 0) failed += 1;
        else made.push(result.json<{ id: string }>().id);
      }
    }),
  );
  const listed = (await cli(['drafts', 'list', '--json'])).json<{ id: string }[]>().map((draft) => draft.id);
  const lostDrafts = made.filter((id) => !listed.includes(id)).length;

  // two imports at once, compacting as they go
  const { writeFileSync } = await import('node:fs');
  const files = ['one', 'two'].map((name) => {
    const path = join(options.scratch, `${name}.html`);
    writeFileSync(path, bookmarkFile(name, options.linksEach));
    return path;
  });
  const imports = await Promise.all(files.map((file) => cli(['inbox', 'import', file, '--json'])));
  failed += imports.filter((result) => result.status !== 0).length;
  const links = (await cli(['inbox', 'list', '--json'])).stdout;
  let lostLinks = 0;
  for (const name of ['one', 'two'])
    for (let i = 0; i < options.linksEach; i += 1)
      if (!links.includes(`"https://${name}.example/${i}"`)) lostLinks += 1;

  // outbox retry twice at once over jobs that failed once
  options.blog.failNext(1_000_000);
  const titles: string[] = [];
  for (let i = 0; i < options.jobs; i += 1) {
    const title = `outbox ${i} ${Date.now()}`;
    titles.push(title);
    const draft = (await cli(['drafts', 'new', '--title', title, '--json'])).json<{ id: string }>();
    await cli(['publish', draft.id, '--blog', options.blogId, '--json']);
  }
  options.blog.failNext(0);
  const retries = await Promise.all([cli(['outbox', 'retry', '--json']), cli(['outbox', 'retry', '--json'])]);
  failed += retries.filter((result) => result.status !== 0).length;
  const jobs = (await cli(['outbox', 'list', '--json'])).json<
    { title: string; state: string; attempts: number }[]
  >();
  let wrongHistory = 0;
  for (const title of titles) {
    const job = jobs.find((entry) => entry.title === title);
    // One failed attempt, then one that went out: exactly one post.
    if (!job || job.state !== 'done' || job.attempts !== 2 || options.blog.created.get(title) !== 1)
      wrongHistory += 1;
  }
  const operations = made.length + failed + 2 * options.linksEach + 2 * options.jobs;
  for (const failure of failures.slice(0, 10)) process.stderr.write(`two CLI processes: ${failure}\n`);
  return [
    figure(
      'R14',
      `two CLI processes, ${operations} operations: drafts lost`,
      String(lostDrafts),
      '0',
      lostDrafts === 0,
    ),
    figure(
      'R14',
      'two CLI processes: links lost across compactions',
      String(lostLinks),
      '0',
      lostLinks === 0,
    ),
    figure('R14', 'two CLI processes: failed commands', String(failed), '0', failed === 0),
    figure(
      'R14',
      `two outbox retries at once, ${options.jobs} jobs: history wrong`,
      String(wrongHistory),
      '0 (exact)',
      wrongHistory === 0,
    ),
  ];
}
