import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli';
import { seededDraws } from '../support/seeded-random';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-bad-input-');

/** What every refusal must look like: exit 2, one sentence on stderr, no JSON log line, no stack. */
function expectOneSentence(result: CliResult, pattern: RegExp, label = '') {
  expect(result.status, `${label} ${result.stderr}`).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines, label).toHaveLength(1);
  expect(lines[0], label).toMatch(/^postwright: [A-Z/]/);
  expect(lines[0], label).toMatch(pattern);
  expect(result.stderr, label).not.toMatch(/^\s+at /m);
  expect(result.stderr, label).not.toContain('{"time"');
}

describe('the CLI meets bad input with one sentence and exit code 2', () => {
  it('takes a ten-million-character word as a body without running out of stack', () => {
    const dataDir = tempDir();
    const files = tempDir();
    writeFileSync(join(files, 'word.html'), `<p>${'x'.repeat(10_000_000)}</p>`);
    writeFileSync(join(files, 'word.md'), 'y'.repeat(10_000_000));
    for (const option of ['--html', '--md']) {
      const file = join(files, option === '--html' ? 'word.html' : 'word.md');
      const made = runCli(['drafts', 'new', '--title', `Long ${option}`, option, file], { dataDir });
      expect(made.status, made.stderr).toBe(0);
    }
    const listed = runCli(['--json', 'drafts', 'list'], { dataDir }).json<
      { title: string; wordCount: number }[]
    >();
    expect(listed.map(({ title, wordCount }) => `${title}: ${wordCount}`).sort()).toEqual([
      'Long --html: 1',
      'Long --md: 1',
    ]);
  });

  it('names the field and its limit when drafts new is given too much', () => {
    const result = runCli(['drafts', 'new', '--title', 'a'.repeat(3000)], { dataDir: tempDir() });
    expectOneSentence(result, /The title must be at most 1000 characters long\./);
    const help = runCli(['drafts', 'new', '--help']);
    expect(help.stdout).toContain('the title (at most 1,000 characters)');
    expect(help.stdout).toContain('(text, at most 40 MB)');
    expect(runCli(['events', 'import', '--help']).stdout).toContain('at most 16 MB');
    expect(runCli(['inbox', 'import', '--help']).stdout).toContain('at most 64 MB');
  });

  it('refuses a binary file as --html, and a missing one, naming it', () => {
    const dataDir = tempDir();
    const file = join(tempDir(), 'photo.jpg');
    writeFileSync(file, seededDraws(7).bytes(4096));
    expectOneSentence(
      runCli(['drafts', 'new', '--title', 'x', '--html', file], { dataDir }),
      /photo\.jpg is not a text file \(it holds binary data\), and --html must be text/,
    );
    expectOneSentence(
      runCli(['drafts', 'new', '--title', 'x', '--html', join(dataDir, 'nope.html')], { dataDir }),
      /Cannot read .*nope\.html: there is no such file\. Check the path\./,
    );
    // A Windows-1252 page is text, not binary.
    const latin = join(tempDir(), 'cafe.html');
    writeFileSync(latin, Buffer.from([0x3c, 0x70, 0x3e, 0x43, 0x61, 0x66, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]));
    const made = runCli(['--json', 'drafts', 'new', '--title', 'x', '--html', latin], { dataDir });
    expect(made.status, made.stderr).toBe(0);
    expect(made.json<{ html: string }>().html).toContain('Café');
  });

  it('says what is wrong with a damaged .ics, and with random bytes, every time', () => {
    const dataDir = tempDir();
    const folder = tempDir();
    const damaged = join(folder, 'damaged.ics');
    writeFileSync(damaged, 'BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:garbage\nSUMMARY:x\nEND:VCALENDAR');
    expectOneSentence(
      runCli(['events', 'import', damaged], { dataDir }),
      /damaged\.ics is not an iCalendar \(\.ics\) file that can be read \(.*\)\. Export it again/,
    );
    const random = seededDraws();
    const alphabet =
      'BEGIN:VCALENDAR\nVEVENT END DTSTART;TZID=:20091125T093000Z RRULE:FREQ=;\r\n \t:;=,"\\'.split('');
    for (let round = 0; round < 12; round++) {
      const file = join(folder, `random-${round}.ics`);
      const text = round % 2 === 0;
      writeFileSync(
        file,
        text
          ? `BEGIN:VCALENDAR\n${Array.from({ length: 2000 }, () => random.pick(alphabet)).join('')}`
          : random.bytes(2000 + random.int(5000)),
      );
      const result = runCli(['events', 'import', file], { dataDir });
      const label = `seed ${random.seed}, round ${round}`;
      if (result.status === 0) continue; // a text that happens to parse as a calendar is imported
      expectOneSentence(result, /random-\d+\.ics (is not|holds no)/, label);
    }
  }, 180_000);

  it('gives a true sentence for a data folder it cannot write, a file, or /proc/self, and never hangs', () => {
    const readOnly = tempDir();
    // Root writes anywhere, so the read-only case runs as "nobody", for whom the folder is read-only.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chmodSync(readOnly, 0o755);
    else chmodSync(readOnly, 0o555);
    const run = spawnSync(
      process.execPath,
      ['dist/cli/postwright.mjs', '--data-dir', readOnly, 'drafts', 'list'],
      {
        encoding: 'utf8',
        timeout: 60_000,
        ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
      },
    );
    expectOneSentence(
      { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr, json: () => null as never },
      /cannot write to the data folder .*: you do not have permission to write there\. Make it writable/,
    );

    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    expectOneSentence(runCli(['drafts', 'list'], { dataDir: file }), /a-file is a file, not a folder/);
    expectOneSentence(
      runCli(['drafts', 'list'], { dataDir: join(file, 'below') }),
      /a-file is a file, not a folder/,
    );
    expectOneSentence(
      runCli(['drafts', 'list'], { dataDir: '/proc/self' }),
      /cannot write to the data folder \/proc\/self: nothing can be written there/,
    );
    expectOneSentence(
      runCli(['drafts', 'list'], { dataDir: '/proc/self/postwright' }),
      /cannot create the data folder \/proc\/self\/postwright/,
    );
  });

  it('prints no log lines unless asked, and a stack only with --debug', () => {
    const dataDir = tempDir();
    const plain = runCli(['inbox', 'add', 'https://example.org/', '--title', 'T', '--quote', 'Q'], {
      dataDir,
    });
    expect(plain.status).toBe(0);
    expect(plain.stderr).toBe('');
    const title = 'a'.repeat(3000);
    expectOneSentence(
      runCli(['drafts', 'new', '--title', title], { dataDir }),
      /The title must be at most 1000 characters/,
    );
    const debug = runCli(['--debug', 'drafts', 'new', '--title', title], { dataDir });
    expect(debug.status).toBe(2);
    expect(debug.stderr).toMatch(/^postwright: The title must be at most 1000 characters/);
    expect(debug.stderr).toMatch(/^\s+at /m);
  });
});
