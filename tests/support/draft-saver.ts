/**
 * A process that saves drafts as fast as it can, for the crash test to kill -9 at random moments.
 * Each save writes a sequence number into the title and body; after the save has resolved it prints
 * `ack <id> <seq>`, so the test knows which version must have survived. Every save also makes a
 * revision (the clock moves a minute per save), and now and then a new draft is created.
 *
 * Usage: node draft-saver.mjs <dataDir> <firstSeq> <seed>   (the seed makes the padding sizes repeatable)
 */
import { DraftLibrary } from '../../main/core/drafts/draft-library';
import { EventBus } from '../../main/core/events/event-bus';
import { silentLogger } from '../../main/core/platform/logger';
import { blankDraftFields } from '../../shared/model/draft';
import { seededRandom } from './seeded-random';

const [dataDir, firstSeq, seed] = process.argv.slice(2);
let seq = Number(firstSeq);
const random = seededRandom(Number(seed) + seq);
const clock = { now: () => new Date(Date.UTC(2026, 0, 1) + seq * 61_000) };
const library = new DraftLibrary({
  dataDir: dataDir!,
  clock,
  logger: silentLogger,
  events: new EventBus(),
  indexFlushDelayMs: 20,
});
const write = (line: string) => process.stdout.write(`${line}\n`);

const ids = (await library.list()).map((draft) => draft.id);
write('ready');
for (;;) {
  seq += 1;
  if (ids.length < 3 || (seq % 40 === 0 && ids.length < 8)) {
    const draft = await library.create({ title: `seq ${seq}`, html: `<p>seq ${seq}</p>` });
    ids.push(draft.id);
    write(`created ${draft.id} ${seq}`);
    continue;
  }
  const id = ids[seq % ids.length]!;
  const padding = 'x'.repeat(Math.floor(random() * 200_000));
  await library.save({
    ...blankDraftFields(),
    id,
    title: `seq ${seq}`,
    editorState: JSON.stringify({ seq }),
    html: `<p>seq ${seq}</p><p>${padding}</p>`,
  });
  write(`ack ${id} ${seq}`);
}
