import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../main/core/create-core';
import { CoreFailure } from '../../shared/contract/errors';
import { coreCaller } from '../support/core-call';
import { useTempDir } from '../support/temp-dir';
import { createTestCore } from '../support/test-core';

// The core as the app runs it, over a real data folder: two cores on one folder are two processes.
const tempDir = useTempDir('postwright-post-templates-');
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.dispose();
});

function open(dataDir: string) {
  const core = createTestCore(dataDir, { now: () => new Date(2009, 10, 11, 9, 30) });
  cores.push(core);
  return coreCaller(core);
}

const failure = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => (error instanceof CoreFailure ? { code: error.code, message: error.message } : null),
  );

describe('post templates in the core', () => {
  it('starts with the examples and makes today’s draft from one, dates and all', async () => {
    const call = open(tempDir());
    const names = (await call('post-templates-list', {})).map((template) => template.name);
    expect(names).toEqual(['Weekly links', 'Event notice', 'Meeting report']);
    const draft = await call('post-templates-new-draft', { name: 'WEEKLY LINKS' });
    expect(draft.title).toBe('Bookmarks for November 9th through November 15th');
    expect(draft.html).toContain('Awesomeness off of the internet for November 9th to November 15th:');
    expect(draft).toMatchObject({ categories: ['Links'], tags: ['bookmarks'], editorState: null });
    expect((await call('drafts-get', { id: draft.id })).title).toBe(draft.title);
  });

  it('saves a template sanitised, refuses a second of the same name and a bad date pattern', async () => {
    const dataDir = tempDir();
    const call = open(dataDir);
    const saved = await call('post-templates-save', {
      template: {
        name: 'Council meeting',
        title: 'Council, {date:EEEE d MMMM}',
        html: '<p onclick="steal()">Held on {date}<script>alert(1)</script></p><img src="x" onerror="boom()">',
        categories: ['Council', 'Council '],
        tags: [' minutes'],
      },
    });
    const made = saved.at(-1)!;
    expect(made).toMatchObject({ name: 'Council meeting', categories: ['Council'], tags: ['minutes'] });
    expect(made.html).toBe('<p>Held on {date}</p><img src="x">');
    const file = JSON.parse(readFileSync(join(dataDir, 'post-templates.json'), 'utf8'));
    expect(file.templates.map((t: { name: string }) => t.name)).toContain('Council meeting');

    expect(
      await failure(call('post-templates-save', { template: { name: 'council MEETING', title: 'x' } })),
    ).toEqual({
      code: 'conflict',
      message: 'There is already a template called "council MEETING". Choose another name.',
    });
    expect(
      await failure(call('post-templates-save', { template: { name: 'Odd', title: '{date:jj}' } })),
    ).toMatchObject({
      code: 'invalid-args',
      message: expect.stringMatching(/^The date pattern in \{date:jj\} is not one Postwright knows/),
    });

    const draft = await call('post-templates-new-draft', { id: made.id, day: '2026-12-31' });
    expect(draft.title).toBe('Council, Thursday 31 December');
    expect(draft.html).toBe('<p>Held on 31 December 2026</p><img src="x">');
  });

  it('renames, deletes, and names the templates there are when asked for one that is not', async () => {
    const call = open(tempDir());
    const [weekly] = await call('post-templates-list', {});
    const { id, ...fields } = weekly!;
    await call('post-templates-save', {
      id,
      template: { ...fields, name: 'Links of the week' },
    });
    const left = await call('post-templates-delete', { id: 'event-notice' });
    expect(left.map((t) => t.name)).toEqual(['Links of the week', 'Meeting report']);
    expect(await failure(call('post-templates-new-draft', { name: 'Weekly links' }))).toEqual({
      code: 'not-found',
      message:
        'There is no post template called "Weekly links": the templates are "Links of the week" and "Meeting report".',
    });
    await call('post-templates-delete', { id: 'meeting-report' });
    await call('post-templates-delete', { id });
    // Deleting every example leaves none: the examples do not come back.
    expect(await call('post-templates-list', {})).toEqual([]);
  });

  it('keeps a template another process added meanwhile', async () => {
    const dataDir = tempDir();
    const first = open(dataDir);
    const second = open(dataDir);
    await first('post-templates-list', {});
    await second('post-templates-save', { template: { name: 'From the CLI' } });
    await first('post-templates-save', { template: { name: 'From the app' } });
    expect((await second('post-templates-list', {})).map((t) => t.name).slice(-2)).toEqual([
      'From the CLI',
      'From the app',
    ]);
  });

  it('sets an unreadable file aside, reports it, and starts again from the examples', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'post-templates.json'), '{"version":1,"templates":[{"name":');
    const call = open(dataDir);
    expect(await call('post-templates-list', {})).toHaveLength(3);
    const moved = readdirSync(join(dataDir, 'quarantine'));
    expect(moved).toEqual([expect.stringMatching(/-post-templates\.json$/)]);
    const problems = await call('problems-list', {});
    expect(problems.map((problem) => problem.message).join('\n')).toContain('Your post templates');
  });
});
