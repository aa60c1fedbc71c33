import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
  cpSync,
  rmSync,
  utimesSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Draft } from '../../shared/model/draft';
import { draftsHandlers } from '../../main/core/drafts/drafts-handlers';
import { IndexDb } from '../../main/core/drafts/index-db';
import { ManualClock, openLibrary } from '../support/drafts';
import { makePng } from '../support/png';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-drafts-');
const MINUTE = 60_000;

function saveOf(draft: Draft, change: Partial<Draft>) {
  const { id, title, slug, excerpt, tags, categories, publishAt, blogId, editorState, html, featuredImage } =
    {
      ...draft,
      ...change,
    };
  return {
    id,
    title,
    slug,
    excerpt,
    tags,
    categories,
    publishAt,
    blogId,
    editorState,
    html,
    ...(featuredImage === undefined ? {} : { featuredImage }),
  };
}

/**
 * Drafts "Kept" and "Removed" in a closed library, then changed behind its back: a copy of Kept's
 * folder added as `addedId` (titled "Added") and Removed's folder deleted.
 */
async function addAndRemoveFolders(dir: string, clock: ManualClock, addedId: string) {
  const { library } = openLibrary(dir, clock);
  const kept = await library.create({ title: 'Kept' });
  const removed = await library.create({ title: 'Removed' });
  await library.close();
  cpSync(join(dir, 'drafts', kept.id), join(dir, 'drafts', addedId), { recursive: true });
  const added = join(dir, 'drafts', addedId, 'draft.json');
  writeFileSync(added, readFileSync(added, 'utf8').replace(kept.id, addedId).replace('"Kept"', '"Added"'));
  rmSync(join(dir, 'drafts', removed.id), { recursive: true });
  return { kept, removed };
}

describe('the drafts library', () => {
  it('creates, saves and reads drafts back after a restart, newest edit first', async () => {
    const dir = tempDir();
    const { library, clock, events } = openLibrary(dir);
    const first = await library.create({ title: 'First post', html: '<p>One two three</p>' });
    clock.advance(1000);
    const second = await library.create({ title: 'Second post' });
    clock.advance(1000);
    const saved = await library.save(
      saveOf(first, { html: '<h2>Hello</h2><p>Four &amp; five six seven.</p>', editorState: '{"root":{}}' }),
    );
    expect(saved).toMatchObject({ id: first.id, wordCount: 5, snippet: 'Hello Four & five six seven.' });
    expect((await library.list()).map((d) => d.title)).toEqual(['First post', 'Second post']);
    expect(events.filter((e) => e.event === 'draft-changed')).toHaveLength(3);
    await library.close();

    const reopened = openLibrary(dir, clock).library;
    expect((await reopened.list()).map((d) => d.id)).toEqual([first.id, second.id]);
    const read = await reopened.get(first.id);
    expect(read).toMatchObject({ title: 'First post', editorState: '{"root":{}}', wordCount: 5 });
    expect(read.html).toContain('<h2>Hello</h2>');
    expect(read.createdAt).toBe(first.createdAt);
  });

  it('a save from the editor keeps the count the editor showed, and only in wordCount', async () => {
    const dir = tempDir();
    const { library } = openLibrary(dir);
    const draft = await library.create({ title: 'Counted by the editor' });
    const html = '<p>Three words here</p>';
    const saved = await library.save({ ...saveOf(draft, { html, editorState: null }), editorWordCount: 4 });
    expect(saved.wordCount).toBe(4);
    const onDisk = JSON.parse(readFileSync(library.paths.file(draft.id), 'utf8')) as Record<string, unknown>;
    expect(onDisk.wordCount).toBe(4);
    expect(onDisk).not.toHaveProperty('editorWordCount');
    // Without the editor's count (CLI, imports) the library counts the HTML itself.
    expect((await library.save(saveOf(draft, { html, editorState: null }))).wordCount).toBe(3);
    await library.close();
  });

  it('says which draft is missing', async () => {
    const { library } = openLibrary(tempDir());
    await expect(library.get('nope')).rejects.toMatchObject({
      code: 'not-found',
      message: 'No draft with id nope.',
    });
    await expect(library.get('../../etc')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('finds drafts by every word of the query, in titles and bodies, ignoring case and accents', async () => {
    const dir = tempDir();
    const { library, clock } = openLibrary(dir);
    const cafe = await library.create({
      title: 'Brighton Café',
      html: '<p>Meeting on 25 November at the council</p>',
    });
    clock.advance(1000);
    await library.create({ title: 'London', html: '<p>Council meeting from 1000 – 1600</p>' });
    const ids = async (query: string) => (await library.list({ query })).map((d) => d.title);
    expect(await ids('council')).toEqual(['London', 'Brighton Café']);
    expect(await ids('COUNCIL brighton')).toEqual(['Brighton Café']);
    expect(await ids('cafe november')).toEqual(['Brighton Café']);
    expect(await ids('council paris')).toEqual([]);
    await library.trash(cafe.id);
    expect(await ids('council')).toEqual(['London']);
    expect((await library.list({ query: 'council', trash: true })).map((d) => d.title)).toEqual([
      'Brighton Café',
    ]);
    await library.close();
    const reopened = openLibrary(dir).library;
    expect((await reopened.list({ query: '1600' })).map((d) => d.title)).toEqual(['London']);
  });

  it('search sees a save at once, and after a restart that skipped the index write', async () => {
    const dir = tempDir();
    const { library } = openLibrary(dir);
    const draft = await library.create({ title: 'Notes' });
    await library.save(saveOf(draft, { html: '<p>zeppelin</p>' }));
    expect(await library.list({ query: 'zeppelin' })).toHaveLength(1);
    // No close(): as after a crash, the search text in the index is older than the draft.
    const reopened = openLibrary(dir).library;
    await reopened.save(saveOf(draft, { html: '<p>airship</p>' }));
    const again = openLibrary(dir).library;
    expect(await again.list({ query: 'zeppelin' })).toHaveLength(0);
    expect(await again.list({ query: 'airship' })).toHaveLength(1);
  });

  it('takes the search text of a draft being typed in a pause, or at most every ten delays, never at every save', async () => {
    const setText = vi.spyOn(IndexDb.prototype, 'setText');
    // The library's clock, so a stalled save on a busy machine cannot pass for a pause.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const { library } = openLibrary(tempDir(), new ManualClock(), { indexFlushDelayMs: 250 });
      const draft = await library.create({ title: 'Typing' });
      // Other tests' libraries may still be taking their text: count this draft's only.
      const taken = () => setText.mock.calls.filter(([id]) => id === draft.id).length;
      setText.mockClear();
      // An author typing: a save every 30 ms for 3.2 s, each well within the 250 ms delay.
      for (let i = 0; i < 107; i += 1) {
        await library.save(saveOf(draft, { html: `<p>word${i}</p>` }));
        await vi.advanceTimersByTimeAsync(30);
      }
      // Once, 2.5 s (ten delays) after the first save; not every 250 ms.
      expect(taken()).toBe(1);
      const last = (await library.get(draft.id)).html;
      await vi.advanceTimersByTimeAsync(300);
      // The pause: the last save's text is taken.
      expect(taken()).toBe(2);
      expect(await library.list({ query: last.replace(/<\/?p>/g, '') })).toHaveLength(1);
    } finally {
      vi.useRealTimers();
      setText.mockRestore();
    }
  });

  it('keeps at most one revision a minute and at most 20, and restores one without losing the current text', async () => {
    const { library, clock } = openLibrary(tempDir());
    const draft = await library.create({ title: 'Draft' });
    await library.save(saveOf(draft, { html: '<p>version one</p>' }));
    clock.advance(20_000);
    await library.save(saveOf(draft, { html: '<p>version two</p>' }));
    expect(await library.revisions.list(draft.id)).toHaveLength(1);
    clock.advance(MINUTE);
    await library.save(saveOf(draft, { title: 'Draft v3', html: '<p>version three is longer</p>' }));
    const revisions = await library.revisions.list(draft.id);
    expect(revisions.map((r) => [r.title, r.wordCount])).toEqual([
      ['Draft v3', 4],
      ['Draft', 2],
    ]);
    clock.advance(1000);
    await library.save(saveOf(draft, { title: 'Draft v4', html: '<p>version four</p>' }));
    const restored = await library.restoreRevision(draft.id, revisions[1]!.id);
    expect(restored).toMatchObject({ title: 'Draft', html: '<p>version one</p>' });
    expect((await library.get(draft.id)).html).toBe('<p>version one</p>');
    const after = await library.revisions.list(draft.id);
    expect(after[0]).toMatchObject({ title: 'Draft v4', wordCount: 2 });
    await expect(library.restoreRevision(draft.id, '1234567890123-deadbeef')).rejects.toMatchObject({
      code: 'not-found',
    });

    for (let i = 0; i < 25; i += 1) {
      clock.advance(MINUTE);
      await library.save(saveOf(draft, { html: `<p>edit ${i}</p>` }));
    }
    const kept = await library.revisions.list(draft.id);
    expect(kept).toHaveLength(20);
    expect(kept[0]!.savedAt > kept[19]!.savedAt).toBe(true);
  });

  it('restores the featured image a revision had, and takes it off where the revision had none', async () => {
    const { library, clock } = openLibrary(tempDir());
    const draft = await library.create({ title: 'Harbour' });
    await library.save(saveOf(draft, { html: '<p>no picture yet</p>' }));
    const picture = (filename: string) =>
      library.addAsset({
        id: draft.id,
        filename,
        mimeType: 'image/png',
        dataBase64: makePng(4).toString('base64'),
      });
    const { src: dawn } = await picture('dawn.png');
    const { src: dusk } = await picture('dusk.png');
    clock.advance(MINUTE);
    await library.save(saveOf(draft, { html: '<p>at dawn</p>', featuredImage: dawn }));
    clock.advance(MINUTE);
    await library.save(saveOf(draft, { html: '<p>at dusk</p>', featuredImage: dusk }));
    const [, atDawn, bare] = await library.revisions.list(draft.id);

    expect((await library.restoreRevision(draft.id, atDawn!.id)).featuredImage).toBe(dawn);
    expect((await library.get(draft.id)).featuredImage).toBe(dawn);
    clock.advance(MINUTE);
    await library.restoreRevision(draft.id, bare!.id);
    expect((await library.get(draft.id)).featuredImage).toBeNull();
  });

  it('trashes, restores and empties the trash, erasing the folders', async () => {
    const dir = tempDir();
    const { library, events } = openLibrary(dir);
    const keep = await library.create({ title: 'Keep' });
    const gone = await library.create({ title: 'Gone' });
    await library.trash(keep.id);
    await library.trash(gone.id);
    expect(await library.list()).toEqual([]);
    expect((await library.list({ trash: true })).map((d) => d.title).sort()).toEqual(['Gone', 'Keep']);
    expect((await library.restore(keep.id)).trashedAt).toBeNull();
    expect(await library.emptyTrash()).toBe(1);
    expect(events).toContainEqual({ event: 'drafts-removed', payload: { ids: [gone.id] } });
    expect((await library.list()).map((d) => d.title)).toEqual(['Keep']);
    expect(await library.list({ trash: true })).toEqual([]);
    expect(existsSync(join(dir, 'drafts', gone.id))).toBe(false);
    await expect(library.get(gone.id)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('duplicates a draft with its images, pointing the copy at its own copies', async () => {
    const { library } = openLibrary(tempDir());
    const draft = await library.create({ title: 'With image' });
    const { src } = await library.addAsset({
      id: draft.id,
      filename: 'Photo of the Pier.png',
      mimeType: 'image/png',
      dataBase64: PNG,
    });
    expect(src).toMatch(new RegExp(`^/drafts/${draft.id}/assets/photo-of-the-pier-[0-9a-f]{8}\\.png$`));
    await library.save({
      ...saveOf(draft, { html: `<p><img src="${src}" alt="pier"></p>`, editorState: `{"src":"${src}"}` }),
      featuredImage: src,
    });
    await library.setStatus(draft.id, 'published');
    const copy = await library.duplicate(draft.id);
    expect(copy).toMatchObject({ title: 'With image (copy)', status: 'draft', remote: null });
    const copiedSrc = src.replace(draft.id, copy.id);
    expect(copy.html).toContain(copiedSrc);
    expect(copy.editorState).toContain(copiedSrc);
    expect(copy.featuredImage).toBe(copiedSrc);
    const file = library.assetFile(copy.id, copiedSrc);
    expect(file && readFileSync(file).equals(Buffer.from(PNG, 'base64'))).toBe(true);
  });

  it('accepts raster images only, and maps no path outside a draft’s assets', async () => {
    const { library } = openLibrary(tempDir());
    const draft = await library.create({ title: 'Images' });
    const add = (mimeType: string, dataBase64: string) =>
      library.addAsset({ id: draft.id, filename: 'x', mimeType, dataBase64 });
    await expect(
      add('image/svg+xml', Buffer.from('<svg onload="alert(1)"/>').toString('base64')),
    ).rejects.toThrow(/cannot add image\/svg\+xml images/);
    await expect(add('image/png', Buffer.from('<html><script>').toString('base64'))).rejects.toThrow(
      /not a PNG image/,
    );
    await expect(
      library.addAsset({ id: 'missing', filename: 'x.png', mimeType: 'image/png', dataBase64: PNG }),
    ).rejects.toMatchObject({ code: 'not-found' });
    const { src } = await add('image/png', PNG);
    expect(library.assetFile(draft.id, `http://127.0.0.1:5000${src}`)).not.toBeNull();
    expect(library.assetFile(draft.id, `/drafts/${draft.id}/assets/../draft.json`)).toBeNull();
    expect(library.assetFile(draft.id, `/drafts/${draft.id}/assets/..%2fdraft.json`)).toBeNull();
    expect(library.assetFile('other', src)).toBeNull();
  });

  it('records publish state without changing the edit time', async () => {
    const { library, clock } = openLibrary(tempDir());
    const draft = await library.create({ title: 'Post' });
    clock.advance(MINUTE);
    expect(await library.setStatus(draft.id, 'failed', 'Wrong password')).toMatchObject({
      status: 'failed',
      updatedAt: draft.updatedAt,
    });
    const remote = {
      blogId: 'b1',
      postId: '42',
      url: 'https://example.com/p/42',
      remoteStatus: 'publish',
      publishedAt: null,
    };
    await library.setRemote(draft.id, remote);
    await library.save(saveOf(draft, { html: '<p>edited</p>' }));
    expect(await library.get(draft.id)).toMatchObject({
      status: 'failed',
      statusMessage: 'Wrong password',
      remote,
    });
  });
});

describe('the drafts index and quarantine', () => {
  it('does not read the drafts on start when the index agrees with the folders', async () => {
    const dir = tempDir();
    const { library } = openLibrary(dir);
    const draft = await library.create({ title: 'Indexed' });
    await library.close();
    // Overwriting in place leaves the folder's time alone: only reading the draft would notice.
    writeFileSync(join(dir, 'drafts', draft.id, 'draft.json'), '{"torn":');
    const reopened = openLibrary(dir);
    expect((await reopened.library.list()).map((d) => d.title)).toEqual(['Indexed']);
    // Reading it finds the damage: it is moved aside, reported, and the library carries on.
    await expect(reopened.library.get(draft.id)).rejects.toMatchObject({ code: 'not-found' });
    expect(await reopened.library.list()).toEqual([]);
    const quarantined = readdirSync(join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]).toMatch(new RegExp(`-${draft.id}$`));
    expect(readFileSync(join(dir, 'quarantine', quarantined[0]!, 'draft.json'), 'utf8')).toBe('{"torn":');
    expect(reopened.events.some((e) => e.event === 'drafts-quarantined')).toBe(true);
  });

  it('quarantines drafts that cannot be parsed on start and opens the rest', async () => {
    const dir = tempDir();
    const { library } = openLibrary(dir);
    const good = await library.create({ title: 'Good' });
    const bad = await library.create({ title: 'Bad' });
    await library.close();
    rmSync(join(dir, 'drafts', bad.id, 'draft.json'));
    writeFileSync(join(dir, 'drafts', bad.id, 'draft.json'), '');
    const reopened = openLibrary(dir);
    await reopened.library.ready;
    expect((await reopened.library.list()).map((d) => d.id)).toEqual([good.id]);
    expect(readdirSync(join(dir, 'quarantine'))[0]).toMatch(new RegExp(`-${bad.id}$`));
    expect(reopened.events.find((e) => e.event === 'drafts-quarantined')?.payload).toMatchObject({
      folder: join(dir, 'quarantine'),
    });
  });

  it('picks up a draft folder added behind its back and drops one removed', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    // Another copy of Postwright (or a restore from backup) adds a folder and removes one.
    const addedId = 'added-by-hand';
    const { removed } = await addAndRemoveFolders(dir, clock, addedId);
    const reopened = openLibrary(dir, clock);
    // The list may show the index at once; the folder check then pushes the corrections.
    await reopened.library.ready;
    expect((await reopened.library.list()).map((d) => d.title).sort()).toEqual(['Added', 'Kept']);
    expect(reopened.events).toContainEqual({ event: 'drafts-removed', payload: { ids: [removed.id] } });
    expect(reopened.events).toContainEqual({
      event: 'draft-changed',
      payload: expect.objectContaining({ id: addedId, title: 'Added' }),
    });
    const library2 = reopened.library;
    expect((await library2.list({ query: 'added' })).map((d) => d.id)).toEqual([addedId]);
  });

  it('lists for a one-shot command after checking the folder names: added and removed folders show, a file rewritten in place at the next full check', async () => {
    const dir = tempDir();
    const clock = new ManualClock();
    // A sync brings a new draft folder, takes one away, and rewrites a draft in place.
    const addedId = 'added-by-sync';
    const { kept } = await addAndRemoveFolders(dir, clock, addedId);
    const keptFile = join(dir, 'drafts', kept.id, 'draft.json');
    writeFileSync(keptFile, readFileSync(keptFile, 'utf8').replace('"Kept"', '"Kept, edited elsewhere"'));

    const cli = openLibrary(dir, clock, { listBeforeCheck: false }).library;
    expect((await cli.list()).map((d) => d.title).sort()).toEqual(['Added', 'Kept']);
    expect((await cli.list({ query: 'added' })).map((d) => d.id)).toEqual([addedId]);
    // Any change of a draft checks every draft's file first, as before.
    await cli.create({ title: 'New' });
    expect((await cli.list()).map((d) => d.title).sort()).toEqual(['Added', 'Kept, edited elsewhere', 'New']);
    await cli.close();
  });

  it('rebuilds an index that cannot be parsed, keeping the broken one aside', async () => {
    const dir = tempDir();
    const { library } = openLibrary(dir);
    await library.create({ title: 'Survivor', html: '<p>still searchable</p>' });
    await library.close();
    writeFileSync(join(dir, 'drafts', 'index.sqlite'), 'not a database at all');
    const reopened = openLibrary(dir);
    expect((await reopened.library.list()).map((d) => d.title)).toEqual(['Survivor']);
    expect((await reopened.library.list({ query: 'searchable' })).map((d) => d.title)).toEqual(['Survivor']);
    expect(readdirSync(join(dir, 'quarantine'))[0]).toMatch(/-index\.sqlite$/);
    expect(reopened.events.some((e) => e.event === 'drafts-quarantined')).toBe(true);
    await reopened.library.close();
    // The new index holds the draft: the next start reads no draft.
    rmSync(join(dir, 'drafts', (await openLibrary(dir).library.list())[0]!.id, 'draft.json'));
    expect((await openLibrary(dir).library.list()).map((d) => d.title)).toEqual(['Survivor']);
  });

  it('removes what a crash left half-made: a draft being created, temporary files', async () => {
    const dir = tempDir();
    const { library } = openLibrary(dir);
    const draft = await library.create({ title: 'Whole' });
    await library.close();
    cpSync(join(dir, 'drafts', draft.id), join(dir, 'drafts', '.creating-half'), { recursive: true });
    const elevenMinutesAgo = new Date(Date.now() - 11 * MINUTE);
    utimesSync(join(dir, 'drafts', '.creating-half'), elevenMinutesAgo, elevenMinutesAgo);
    // A young one is another process's draft being made right now (two `drafts new` at once).
    cpSync(join(dir, 'drafts', draft.id), join(dir, 'drafts', '.creating-young'), { recursive: true });
    const leftover = join(dir, 'drafts', draft.id, '.draft.json.abc123.tmp');
    writeFileSync(leftover, '{"half');
    const twoMinutesAgo = new Date(Date.now() - 2 * MINUTE);
    utimesSync(leftover, twoMinutesAgo, twoMinutesAgo);
    // A young one may be another process's save in progress (the CLI's): it is left alone.
    writeFileSync(join(dir, 'drafts', draft.id, '.draft.json.def456.tmp'), '{"saving');
    const reopened = openLibrary(dir, new ManualClock(Date.now())).library;
    await reopened.ready;
    expect((await reopened.list()).map((d) => d.title)).toEqual(['Whole']);
    expect(existsSync(join(dir, 'drafts', '.creating-half'))).toBe(false);
    expect(existsSync(join(dir, 'drafts', '.creating-young'))).toBe(true);
    // Temporary files beside a draft go the first time it is opened.
    await reopened.get(draft.id);
    expect(readdirSync(join(dir, 'drafts', draft.id)).filter((name) => name.endsWith('.tmp'))).toEqual([
      '.draft.json.def456.tmp',
    ]);
  });

  it('sees drafts another process made, changed and erased when asked to check again', async () => {
    const dir = tempDir();
    const { library: app, events } = openLibrary(dir);
    const kept = await app.create({ title: 'Kept' });
    const changed = await app.create({ title: 'Changed elsewhere' });
    const erased = await app.create({ title: 'Erased elsewhere' });
    events.length = 0;

    // The CLI, another process over the same folder.
    const { library: cli } = openLibrary(dir);
    const made = await cli.create({ title: 'Made by the CLI' });
    await cli.trash(erased.id);
    expect(await cli.emptyTrash()).toBe(1);
    await cli.trash(changed.id);
    await cli.close();

    // The index is shared: the list is current at once; the check pushes the changes to the views.
    expect((await app.list()).map((d) => d.id).sort()).toEqual([kept.id, made.id].sort());
    expect(events).toEqual([]);
    await app.recheck();
    expect((await app.list()).map((d) => d.id).sort()).toEqual([kept.id, made.id].sort());
    expect((await app.list({ trash: true })).map((d) => d.id)).toEqual([changed.id]);
    const pushed = events
      .filter((e) => e.event === 'draft-changed')
      .map((e) => (e.payload as { id: string }).id);
    expect(pushed.sort()).toEqual([made.id, changed.id].sort());
    expect(events.filter((e) => e.event === 'drafts-removed').map((e) => e.payload)).toEqual([
      { ids: [erased.id] },
    ]);
    await app.close();
  });

  it('keeps in an autosave what another process wrote to the draft since this one last saved it', async () => {
    const dir = tempDir();
    const { library: app } = openLibrary(dir);
    const draft = await app.create({ title: 'Shared' });
    await app.save(saveOf(draft, { html: '<p>one</p>' }));

    // The CLI moves it to the trash; the window still has it open and autosaves.
    const { library: cli } = openLibrary(dir);
    await cli.trash(draft.id);
    await cli.close();
    await app.save(saveOf(draft, { html: '<p>two</p>' }));
    expect((await app.list({ trash: true })).map((d) => d.id)).toEqual([draft.id]);

    // Another write within the same tick of the file system's clock, the same size as the file
    // this process wrote: only the file's identity tells them apart.
    await app.save(saveOf(draft, { html: '<p>three</p>' }));
    const file = join(dir, 'drafts', draft.id, 'draft.json');
    const ours = statSync(file, { bigint: true });
    const theirs = readFileSync(file, 'utf8').replace('"statusMessage":null', '"statusMessage":"ab"');
    expect(theirs.length).toBe(Number(ours.size));
    writeFileSync(`${file}.theirs`, theirs);
    renameSync(`${file}.theirs`, file);
    const seconds = ours.mtimeNs / 1_000_000_000n;
    execFileSync('touch', [
      '-m',
      '-d',
      `@${seconds}.${String(ours.mtimeNs % 1_000_000_000n).padStart(9, '0')}`,
      file,
    ]);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(ours.mtimeNs);
    await app.save(saveOf(draft, { html: '<p>four</p>' }));
    expect((await app.get(draft.id)).statusMessage).toBe('ab');
    await app.close();
  });

  it('leaves a draft written by a newer Postwright alone', async () => {
    const dir = tempDir();
    const { library } = openLibrary(dir);
    const draft = await library.create({ title: 'From the future' });
    await library.close();
    rmSync(join(dir, 'drafts', 'index.sqlite'));
    const file = join(dir, 'drafts', draft.id, 'draft.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"formatVersion":1', '"formatVersion":99'));
    const reopened = openLibrary(dir);
    expect(await reopened.library.list()).toEqual([]);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(dir, 'quarantine'))).toBe(false);
  });
});

describe('the drafts handlers', () => {
  it('export a standalone HTML document with the draft’s images inside it, and import files as new drafts', async () => {
    const { library } = openLibrary(tempDir());
    const handlers = draftsHandlers({ library });
    const context = { signal: new AbortController().signal };
    const draft = await library.create({ title: 'Pier' });
    const { src } = await library.addAsset({
      id: draft.id,
      filename: 'pier.png',
      mimeType: 'image/png',
      dataBase64: PNG,
    });
    await library.save(
      saveOf(draft, { html: `<p><img src="${src}" alt="pier"><img src="https://example.com/x.png"></p>` }),
    );
    const html = await handlers['drafts-export']({ id: draft.id, format: 'html' }, context);
    expect(html.content).toContain(`<img src="data:image/png;base64,${PNG}" alt="pier">`);
    expect(html.content).toContain('<img src="https://example.com/x.png">');
    const md = await handlers['drafts-export']({ id: draft.id, format: 'md' }, context);
    expect(md.content).toContain(`![pier](${src})`);
    const imported = await handlers['drafts-import'](
      { filename: html.filename, content: html.content },
      context,
    );
    expect(imported).toMatchObject({ title: 'Pier', status: 'draft' });
    expect(imported.html).toContain('data:image/png;base64,');
    expect((await library.list()).map((d) => d.id)).toContain(imported.id);
  });
});

/** A 1×1 transparent PNG. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
