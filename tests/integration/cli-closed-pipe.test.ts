import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli';
import { useTempDir } from '../support/temp-dir';

const tempDir = useTempDir('postwright-cli-pipe-');

/** Runs the CLI and closes its output after the first chunk, as `| head -c 10` does. */
function readFirstChunkOnly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['dist/cli/postwright.mjs', ...args], {
    env: { ...process.env, POSTWRIGHT_SECRETS: 'file' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stderr })));
}

describe('the CLI piped into a reader that stops early', () => {
  it('ends quietly, with no stack, when `head` closes the pipe', async () => {
    const dataDir = tempDir();
    const body = join(dataDir, 'long.md');
    writeFileSync(body, 'a paragraph of words that goes on for a while\n\n'.repeat(40_000));
    const created = runCli(['drafts', 'new', '--title', 'Long', '--md', body], { dataDir });
    expect(created.status).toBe(0);
    const id = /Created draft (\S+):/.exec(created.stdout)![1]!;

    for (const args of [
      ['drafts', 'show', id],
      ['drafts', 'export', id, '--format', 'md'],
    ]) {
      const { code, stderr } = await readFirstChunkOnly(['--data-dir', dataDir, ...args]);
      expect(stderr, args.join(' ')).toBe('');
      expect(code, args.join(' ')).toBe(0);
    }
  });
});
