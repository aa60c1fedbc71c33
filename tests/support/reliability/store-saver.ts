/**
 * A process that changes every store as fast as it can, for kill -9 at random moments (R1). Each
 * change is made through the core, as the app makes it; once it has resolved it prints
 * `ack <store> <key>`, so the test knows what must have survived.
 *
 * Usage: node store-saver.mjs <dataDir> <firstSeq> <blogId> <draftId>
 */
import { blankDraftFields } from '../../../shared/model/draft';
import { coreCaller } from '../core-call';
import { createTestCore } from '../test-core';

const [dataDir, firstSeq, blogId, draftId] = process.argv.slice(2);
const core = createTestCore(dataDir!);
const call = coreCaller(core);
const write = (line: string) => process.stdout.write(`${line}\n`);
write('ready');
for (let seq = Number(firstSeq); ; seq += 1) {
  const key = `s${seq}`;
  switch (seq % 5) {
    case 0:
      await call('drafts-save', {
        draft: { ...blankDraftFields(), id: draftId!, title: key, html: `<p>${key}</p>`, editorState: null },
      });
      write(`ack draft ${key}`);
      break;
    case 1:
      await call('inbox-add', { links: [{ url: `https://saved.example/${key}` }], awaitMetadata: false });
      write(`ack inbox ${key}`);
      break;
    case 2:
      await call('events-create', { title: key, start: '2026-05-05T10:00', end: null, allDay: false });
      write(`ack calendar ${key}`);
      break;
    case 3: {
      const settings = await call('settings-get', {});
      const templates = [
        ...settings.digestTemplates.slice(-20),
        { ...settings.digestTemplates[0]!, name: key },
      ];
      await call('settings-update', {
        patch: { digestTemplates: templates },
        base: { templateNames: settings.digestTemplates.map((template) => template.name) },
      });
      write(`ack settings ${key}`);
      break;
    }
    default: {
      const draft = await call('drafts-create', { title: key });
      // The blog cannot be reached: the job waits in the outbox, written before anything is sent.
      await call('publish', { draftId: draft.id, blogId: blogId! });
      write(`ack outbox ${key}`);
    }
  }
}
