import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleChildScript } from '../bundle-child';
import { seededRandom, testSeed } from '../seeded-random';
import { figure, type Figure } from './figure';

/** Bundles the saver into one file that starts fast. */
export function buildStoreSaver(): Promise<string> {
  return bundleChildScript('tests/support/reliability/store-saver.ts', 'store-saver');
}

function runAndKill(saver: string, args: string[], random: () => number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [saver, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let armed = false;
    const linesBeforeKill = 2 + Math.floor(random() * 12);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      if (!armed && output.split('\n').length > linesBeforeKill) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), random() * 20);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`the saver stopped by itself (${code}): ${errors}`));
      else resolve(output.split('\n').slice(0, -1));
    });
  });
}

/** What is on disk now, read as the files are, each file parsed (a throw is a torn or unparsable file). */
function readStores(dataDir: string) {
  const json = (path: string) => JSON.parse(readFileSync(join(dataDir, path), 'utf8')) as never;
  const inbox = new Set<string>();
  for (const name of existsSync(join(dataDir, 'inbox')) ? readdirSync(join(dataDir, 'inbox')) : []) {
    if (name === 'snapshot.json')
      for (const bookmark of (json(`inbox/${name}`) as { bookmarks: { url: string }[] }).bookmarks)
        inbox.add(bookmark.url);
    if (/^journal-\d+\.jsonl$/.test(name)) {
      const text = readFileSync(join(dataDir, 'inbox', name), 'utf8');
      // A last line without its newline was never acknowledged; every whole line must parse.
      for (const line of text
        .slice(0, text.lastIndexOf('\n') + 1)
        .split('\n')
        .filter(Boolean)) {
        const entry = JSON.parse(line) as { bookmark?: { url: string } };
        if (entry.bookmark) inbox.add(entry.bookmark.url);
      }
    }
  }
  const calendar = existsSync(join(dataDir, 'calendar', 'events.json'))
    ? new Set(
        (json('calendar/events.json') as { events: { title: string }[] }).events.map((event) => event.title),
      )
    : new Set<string>();
  const settings = existsSync(join(dataDir, 'settings.json'))
    ? new Set(
        (json('settings.json') as { digestTemplates?: { name: string }[] }).digestTemplates?.map(
          (t) => t.name,
        ) ?? [],
      )
    : new Set<string>();
  const outbox = new Set<string>();
  for (const name of existsSync(join(dataDir, 'outbox')) ? readdirSync(join(dataDir, 'outbox')) : [])
    if (name.endsWith('.json')) outbox.add((json(`outbox/${name}`) as { title: string }).title);
  return { inbox, calendar, settings, outbox };
}

/**
 * R1: kill -9 at random moments while one process saves drafts, inbox, calendar, outbox and
 * settings through the core, again and again on one folder (each new process takes over the
 * locks the killed one held). After every kill every file parses and every acknowledged change is
 * there. Returns the figure.
 */
export async function killDuringSaves(options: {
  saver: string;
  dataDir: string;
  blogId: string;
  draftId: string;
  saves: number;
}): Promise<Figure> {
  const { dataDir } = options;
  // Where each kill lands is drawn from this seed; the figure names it, and POSTWRIGHT_TEST_SEED replays it.
  const seed = testSeed();
  const random = seededRandom(seed);
  let seq = 0;
  let saves = 0;
  let kills = 0;
  let lost = 0;
  let torn = 0;
  let lastDraft = '';
  let lastTemplate = '';
  const acked: { store: string; key: string }[] = [];
  while (saves < options.saves) {
    const lines = await runAndKill(
      options.saver,
      [dataDir, String(seq + 1), options.blogId, options.draftId],
      random,
    );
    kills += 1;
    for (const line of lines) {
      const [word, store, key] = line.split(' ');
      if (word !== 'ack') continue;
      acked.push({ store: store!, key: key! });
      seq = Math.max(seq, Number(key!.slice(1)));
      if (store === 'draft') lastDraft = key!;
      if (store === 'settings') lastTemplate = key!;
      saves += 1;
    }
    seq += 2; // the change in flight at the kill may have used the next number
    let stores: ReturnType<typeof readStores>;
    try {
      stores = readStores(dataDir);
      const draft = JSON.parse(
        readFileSync(join(dataDir, 'drafts', options.draftId, 'draft.json'), 'utf8'),
      ) as { title: string };
      if (lastDraft && Number(draft.title.slice(1)) < Number(lastDraft.slice(1))) lost += 1;
    } catch {
      torn += 1;
      continue;
    }
    for (const { store, key } of acked.splice(0)) {
      const kept =
        store === 'inbox'
          ? stores.inbox.has(`https://saved.example/${key}`)
          : store === 'calendar'
            ? stores.calendar.has(key)
            : store === 'outbox'
              ? stores.outbox.has(key)
              : store === 'settings'
                ? key !== lastTemplate || stores.settings.has(key)
                : true;
      if (!kept) lost += 1;
    }
  }
  return figure(
    'R1',
    `kill -9 at random moments during ${saves} saves (${kills} kills) over drafts, inbox, calendar, outbox, settings`,
    `${lost} lost, ${torn} torn or unparsable (seed ${seed})`,
    '0',
    lost + torn === 0,
  );
}
