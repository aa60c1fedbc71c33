import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir();
const FIXTURE = 'tests/fixtures/digest-2009-11-05';
const collapse = (html: string) => html.replace(/>\s+</g, '><').trim();
const env = { TZ: 'UTC' };

describe('postwright inbox and digest', () => {
  it('imports the seed, lists by tag and date, and builds the seed’s digest', () => {
    const dataDir = tempDir();
    const imported = runCli(['inbox', 'import', `${FIXTURE}/bookmarks.html`, '--json'], { dataDir, env });
    expect(imported.status).toBe(0);
    expect(imported.json()).toMatchObject({ format: 'netscape', added: 5 });
    expect(runCli(['inbox', 'import', `${FIXTURE}/inbox.json`], { dataDir, env }).stdout).toContain(
      '0 added, 5 already there and merged',
    );

    const listed = runCli(['inbox', 'list', '--tag', 'localgov', '--from', '2009-11-08', '--json'], {
      dataDir,
      env,
    });
    expect(listed.json<{ url: string }[]>().map((link) => link.url)).toEqual([
      'http://www.communities.gov.uk/news/corporate/citizenship-survey-2009',
    ]);

    const built = runCli(['digest', 'build', '--from', '2009-11-05', '--to', '2009-11-08', '--json'], {
      dataDir,
      env,
    });
    expect(built.status).toBe(0);
    const draft = built.json<{ id: string; title: string; html: string }>();
    expect(draft.id).toMatch(/\S/);
    expect(draft.title).toBe(readFileSync(`${FIXTURE}/expected-title.txt`, 'utf8').trim());
    expect(collapse(draft.html)).toBe(collapse(readFileSync(`${FIXTURE}/expected-body.html`, 'utf8')));
  });

  it('adds a link with the author’s text, refuses a bad one, and exports', () => {
    const dataDir = tempDir();
    const added = runCli(
      [
        'inbox',
        'add',
        'http://127.0.0.1:9/page?utm_source=x',
        '--title',
        'T',
        '--quote',
        'Q',
        '--comment',
        'C',
        '--tag',
        'a',
        '--tag',
        'b',
        '--json',
      ],
      { dataDir, env },
    );
    expect(added.status).toBe(0);
    expect(added.json()).toMatchObject({
      url: 'http://127.0.0.1:9/page',
      title: 'T',
      description: 'Q',
      comment: 'C',
      tags: ['a', 'b'],
    });
    const bad = runCli(['inbox', 'add', 'file:///etc/passwd'], { dataDir, env });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('Only http and https links can go in the inbox');
    const out = join(dataDir, 'out.html');
    expect(runCli(['inbox', 'export', out], { dataDir, env }).stdout).toContain('Wrote 1 links');
    expect(readFileSync(out, 'utf8')).toContain('<DT><A HREF="http://127.0.0.1:9/page"');
    const wrongDate = runCli(['digest', 'build', '--from', '2009-13-01', '--to', '2009-11-08'], {
      dataDir,
      env,
    });
    expect(wrongDate.status).toBe(2);
    expect(wrongDate.stderr).toContain('give the date as YYYY-MM-DD');
  });
});
