import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft, DraftSummary } from '../../shared/model/draft';
import { runCli } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-cli-drafts-');

// Each run starts a process that opens the core: generous on a busy machine.
describe('postwright drafts', { timeout: 120_000 }, () => {
  it('creates drafts from Markdown and HTML files, lists, shows and searches them', () => {
    const dataDir = tempDir();
    const md = join(dataDir, 'post.md');
    writeFileSync(md, 'Meeting in **Brighton** on 25 November.\n\n- first\n- second\n');
    const made = runCli(
      ['drafts', 'new', '--title', 'Council meeting', '--md', md, '--date', '2009-11-25', '--json'],
      {
        dataDir,
      },
    );
    expect(made.status).toBe(0);
    const draft = made.json<Draft>();
    expect(draft).toMatchObject({ title: 'Council meeting', status: 'draft' });
    expect(draft.id).toMatch(/^[a-z0-9-]+$/);
    expect(draft.publishAt).toMatch(/^2009-11-25T00:00:00[+-]\d\d:\d\d$/);
    expect(draft.html).toContain('<strong>Brighton</strong>');
    expect(draft.html).toContain('<li>second</li>');

    const html = join(dataDir, 'links.html');
    writeFileSync(html, '<p onclick="steal()">Links of the week <script>alert(1)</script></p>');
    const second = runCli(['drafts', 'new', '--title', 'Bookmarks', '--html', html], { dataDir });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/^Created draft [a-z0-9-]+: Bookmarks\n$/);

    const list = runCli(['drafts', 'list', '--json'], { dataDir }).json<DraftSummary[]>();
    expect(list.map((d) => d.title)).toEqual(['Bookmarks', 'Council meeting']);
    expect(runCli(['drafts', 'list'], { dataDir }).stdout).toContain('Council meeting');

    const shown = runCli(['drafts', 'show', list[0]!.id, '--json'], { dataDir }).json<Draft>();
    expect(shown.html).toBe('<p>Links of the week </p>');
    expect(runCli(['drafts', 'show', draft.id], { dataDir }).stdout).toContain('words:     8');

    const found = runCli(['drafts', 'search', 'brighton NOVEMBER', '--json'], { dataDir }).json<
      DraftSummary[]
    >();
    expect(found.map((d) => d.id)).toEqual([draft.id]);
    expect(runCli(['drafts', 'search', 'paris'], { dataDir }).stdout).toBe('No draft contains "paris".\n');
  });

  it('exports a draft to stdout as HTML or Markdown', () => {
    const dataDir = tempDir();
    const html = join(dataDir, 'body.html');
    writeFileSync(html, '<h2>Part one</h2><p>Some <em>text</em>.</p><!--more--><p>Rest.</p>');
    const { id } = runCli(['drafts', 'new', '--title', 'Exported', '--html', html, '--json'], {
      dataDir,
    }).json<Draft>();
    const asHtml = runCli(['drafts', 'export', id, '--format', 'html'], { dataDir });
    expect(asHtml.status).toBe(0);
    expect(asHtml.stdout).toMatch(/^<!doctype html>/);
    expect(asHtml.stdout).toContain('<title>Exported</title>');
    const asMd = runCli(['drafts', 'export', id, '--format', 'md'], { dataDir });
    expect(asMd.stdout).toBe('# Exported\n\n## Part one\n\nSome _text_.\n\n<!--more-->\n\nRest.\n');
  });

  it('reads back its own Markdown export without doubling the title, with a table kept', () => {
    const dataDir = tempDir();
    const html = join(dataDir, 'body.html');
    writeFileSync(
      html,
      '<p>Times for <em>this</em> week:</p><table><thead><tr><th>Day</th><th>Place</th></tr></thead>' +
        '<tbody><tr><td>Monday</td><td>Hove</td></tr></tbody></table>',
    );
    const title = 'Weekly *links* #12';
    const { id } = runCli(['drafts', 'new', '--title', title, '--html', html, '--json'], {
      dataDir,
    }).json<Draft>();
    const exported = runCli(['drafts', 'export', id, '--format', 'md'], { dataDir }).stdout;
    expect(exported).toBe(
      '# Weekly \\*links\\* #12\n\nTimes for _this_ week:\n\n| Day    | Place |\n| ------ | ----- |\n| Monday | Hove  |\n',
    );
    const file = join(dataDir, 'weekly.md');
    writeFileSync(file, exported);

    const imported = runCli(['drafts', 'import', file, '--json'], { dataDir }).json<Draft>();
    const made = runCli(['drafts', 'new', '--title', title, '--md', file, '--json'], {
      dataDir,
    }).json<Draft>();
    for (const draft of [imported, made]) {
      expect(draft.title).toBe(title);
      expect(draft.html).not.toContain('<h1>');
      expect(draft.html).toContain('<th>Place</th>');
      expect(runCli(['drafts', 'export', draft.id, '--format', 'md'], { dataDir }).stdout).toBe(exported);
    }
  });

  it('moves a draft to the trash and back', () => {
    const dataDir = tempDir();
    const { id } = runCli(['drafts', 'new', '--title', 'Trash me', '--json'], { dataDir }).json<Draft>();
    const deleted = runCli(['drafts', 'delete', id], { dataDir });
    expect(deleted.status).toBe(0);
    expect(deleted.stdout).toContain(`postwright drafts restore ${id}`);
    expect(runCli(['drafts', 'list', '--json'], { dataDir }).json()).toEqual([]);
    expect(runCli(['drafts', 'restore', id], { dataDir }).status).toBe(0);
    expect(runCli(['drafts', 'list', '--json'], { dataDir }).json<DraftSummary[]>()[0]).toMatchObject({
      id,
      trashedAt: null,
    });
  });

  it('says what to do when something is wrong, with a non-zero exit', () => {
    const dataDir = tempDir();
    for (const args of [
      ['drafts', 'show', 'nope'],
      ['drafts', 'export', 'nope', '--format', 'md'],
      ['drafts', 'delete', 'nope'],
      ['drafts', 'restore', 'nope'],
    ]) {
      const result = runCli(args, { dataDir });
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        'postwright: No draft with id nope. Run `postwright drafts list` to see them.\n',
      );
    }
    const json = runCli(['drafts', 'show', 'nope', '--json'], { dataDir });
    expect(JSON.parse(json.stderr)).toMatchObject({ error: { code: 'not-found' } });
    const badDate = runCli(['drafts', 'new', '--title', 'x', '--date', '2026-02-30'], { dataDir });
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('give the date as YYYY-MM-DD');
    const badFormat = runCli(['drafts', 'export', 'x', '--format', 'pdf'], { dataDir });
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('the format is html or md');
    const missing = runCli(['drafts', 'new', '--title', 'x', '--md', join(dataDir, 'missing.md')], {
      dataDir,
    });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('Cannot read');
    const both = runCli(['drafts', 'new', '--title', 'x', '--md', 'a', '--html', 'b'], { dataDir });
    expect(both.status).toBe(2);
    expect(both.stderr).toContain('not both');
    const untitled = runCli(['drafts', 'new'], { dataDir });
    expect(untitled.status).toBe(2);
    expect(untitled.stderr).toBe('postwright: Give the draft a --title, or start it from a --template.\n');
  });
});
