import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft } from '../../shared/model/draft';
import { runCli } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-cli-templates-');

// Each run starts a process that opens the core: generous on a busy machine.
describe('postwright drafts new --template', { timeout: 120_000 }, () => {
  it('makes the week’s links post from the built-in template, dated from --date', () => {
    const dataDir = tempDir();
    const made = runCli(['drafts', 'new', '--template', 'weekly links', '--date', '2009-11-11'], { dataDir });
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(
      /^Created draft [a-z0-9-]+: Bookmarks for November 9th through November 15th\n$/,
    );
    const id = /draft ([a-z0-9-]+):/.exec(made.stdout)![1]!;
    const draft = runCli(['drafts', 'show', id, '--json'], { dataDir }).json<Draft>();
    expect(draft).toMatchObject({ categories: ['Links'], tags: ['bookmarks'] });
    expect(draft.publishAt).toMatch(/^2009-11-11T00:00:00[+-]\d\d:\d\d$/);
    expect(draft.html).toContain('<p>Awesomeness off of the internet for November 9th to November 15th:</p>');
  });

  it('lets flags take the place of the title and body and add tags and categories', () => {
    const dataDir = tempDir();
    const md = join(dataDir, 'notes.md');
    writeFileSync(md, 'Agreed: **more** links.\n');
    const draft = runCli(
      [
        'drafts',
        'new',
        '--template',
        'Meeting report',
        '--title',
        'Web group, November',
        '--md',
        md,
        '--tag',
        'web',
        '--tag',
        'meetings',
        '--category',
        'Local',
        '--json',
      ],
      { dataDir },
    ).json<Draft>();
    expect(draft).toMatchObject({
      title: 'Web group, November',
      tags: ['meetings', 'web'],
      categories: ['Reports', 'Local'],
    });
    expect(draft.html).toContain('<strong>more</strong>');
  });

  it('refuses a name it does not know in one sentence listing the names, exit 2, no draft made', () => {
    const dataDir = tempDir();
    const refused = runCli(['drafts', 'new', '--template', 'Weekly lnks'], { dataDir });
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      'postwright: There is no post template called "Weekly lnks": the templates are "Weekly links", "Event notice" and "Meeting report".\n',
    );
    const asJson = runCli(['drafts', 'new', '--template', 'x', '--json'], { dataDir });
    expect(asJson.status).toBe(2);
    expect(JSON.parse(asJson.stderr)).toMatchObject({ error: { code: 'error' } });
    expect(runCli(['drafts', 'list'], { dataDir }).stdout).not.toContain('Bookmarks');

    const neither = runCli(['drafts', 'new'], { dataDir });
    expect(neither.status).toBe(2);
    expect(neither.stderr).toBe('postwright: Give the draft a --title, or start it from a --template.\n');
  });
});
