import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliAsync } from '../cli';
import { startApp } from './app-process';

/** Every kind of data file, and a command that reads it. */
export const FILE_KINDS = [
  { kind: 'settings', file: () => 'settings.json', read: ['settings', 'show'] },
  { kind: 'templates', file: () => 'settings.json', read: ['templates', 'list'], templates: true },
  { kind: 'blogs', file: () => 'blogs.json', read: ['blogs', 'list'] },
  { kind: 'drafts index', file: () => 'drafts/index.sqlite', read: ['drafts', 'list'] },
  // The CLI's list and search trust the index's rows (docs/data.md), so the command that reads the
  // draft is `drafts show`, which cannot show it: it exits 1, saying where the draft was set aside.
  {
    kind: 'draft',
    file: (dir: string) => `drafts/${firstDraft(dir)}/draft.json`,
    read: ['drafts', 'show'],
    withId: firstDraft,
    exitCode: 1,
  },
  { kind: 'inbox', file: () => 'inbox/snapshot.json', read: ['inbox', 'list'] },
  { kind: 'calendar', file: () => 'calendar/events.json', read: ['events', 'list'] },
  { kind: 'digest schedules', file: () => 'digest-cadence.json', read: ['digest', 'schedule'] },
  { kind: 'outbox job', file: (dir: string) => `outbox/${firstJob(dir)}`, read: ['outbox', 'list'] },
] as const;

export const DAMAGE = ['corrupted', 'truncated', 'zero-length'] as const;

function firstDraft(dir: string): string {
  return readdirSync(join(dir, 'drafts')).find(
    (name) => !name.startsWith('.') && !name.startsWith('index.sqlite'),
  )!;
}

function firstJob(dir: string): string {
  return readdirSync(join(dir, 'outbox')).find((name) => name.endsWith('.json'))!;
}

/** Damages one data file as a crash, a bad sync or another program might. */
export function damage(
  dataDir: string,
  kind: (typeof FILE_KINDS)[number],
  how: (typeof DAMAGE)[number],
): string {
  const path = join(dataDir, kind.file(dataDir));
  const text = readFileSync(path, 'utf8');
  if ('templates' in kind) {
    // A settings file that parses, with templates that do not.
    const settings = JSON.parse(text) as Record<string, unknown>;
    writeFileSync(
      path,
      JSON.stringify({ ...settings, digestTemplates: how === 'zero-length' ? [] : [{ name: 7 }] }),
    );
  } else if (how === 'corrupted')
    writeFileSync(path, Buffer.from([0x7b, 0xff, 0x00, 0x22, 0x9c, 0x7d, 0x0a]));
  else if (how === 'truncated') writeFileSync(path, text.slice(0, Math.floor(text.length / 2)));
  else writeFileSync(path, '');
  return path;
}

/**
 * A data folder with one of everything: settings with a template, a blog, a draft with an index,
 * the inbox compacted to a snapshot, an event, a digest schedule that only reminds, an outbox job (a
 * publish to a blog that is not there).
 */
export async function seedEveryKind(
  dataDir: string,
  blog: { endpoint: string; failNext(count: number): void },
): Promise<void> {
  const blogEndpoint = blog.endpoint;
  const cli = (args: string[], input?: string) => runCliAsync(args, { dataDir, ...(input ? { input } : {}) });
  await cli(['templates', 'add', 'Weekly']);
  await cli(
    ['blogs', 'add', blogEndpoint.replace('/xmlrpc.php', '/'), '--user', 'author', '--password-stdin'],
    'secret\n',
  );
  const draft = (await cli(['drafts', 'new', '--title', 'Seed', '--json'])).json<{ id: string }>();
  await cli(['inbox', 'add', 'https://seed.example/']);
  await cli(['events', 'add', '--title', 'Seed', '--start', '2026-03-05T10:00']);
  const app = await startApp(dataDir);
  // A compaction writes inbox/snapshot.json; an outbox job stays behind for a blog that answers 503.
  await app.call('inbox-add', { links: [{ url: 'https://seed.example/two' }], awaitMetadata: false });
  await app.stop();
  const { InboxStore } = await import('../../../main/core/inbox/inbox-store');
  const { silentLogger } = await import('../../../main/core/platform/logger');
  await (await InboxStore.open(join(dataDir, 'inbox'), silentLogger, () => new Date())).compactNow();
  const blogs = (await cli(['blogs', 'list', '--json'])).json<{ id: string }[]>();
  await cli(['digest', 'schedule', blogs[0]!.id, '--weekly', 'sunday', '--remind']);
  blog.failNext(1_000_000);
  await cli(['publish', draft.id, '--blog', blogs[0]!.id]);
  blog.failNext(0);
}
