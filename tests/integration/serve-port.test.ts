import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { runCli } from '../support/cli';
import { startHostProcess } from '../e2e/support/browser-host-process';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('`postwright serve` keeps its port from one run to the next, and moves only when that port is taken', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'postwright-serve-port-'));
  made.push(dataDir);
  const first = await startHostProcess(dataDir, {}, { port: 'remembered' });
  await first.stop();
  expect(JSON.parse(readFileSync(join(dataDir, 'browser-host.json'), 'utf8'))).toEqual({ port: first.port });

  const second = await startHostProcess(dataDir, {}, { port: 'remembered' });
  expect(second.port).toBe(first.port);
  await second.stop();

  // Another program holds it now: Postwright runs elsewhere, and says what that means for bookmarklets.
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(first.port, '127.0.0.1', resolve));
  try {
    const third = await startHostProcess(dataDir, {}, { port: 'remembered' });
    expect(third.port).not.toBe(first.port);
    await third.stop();
    expect(JSON.parse(readFileSync(join(dataDir, 'browser-host.json'), 'utf8'))).toEqual({
      port: third.port,
    });
    // An explicit --port that is taken is refused in one sentence.
    const refused = runCli(['serve', '--port', String(first.port), '--no-open'], { dataDir });
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toBe(
      `postwright: Port ${first.port} is taken by another program: choose another with --port.`,
    );
  } finally {
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
  }
});

test('`postwright serve` stopped the moment it prints its address still remembers its port', async () => {
  // Ctrl+C as soon as the address shows: the port is written before the host exits, every time.
  for (let run = 0; run < 4; run++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'postwright-serve-port-'));
    made.push(dataDir);
    const child = spawn(
      process.execPath,
      ['dist/cli/postwright.mjs', 'serve', '--no-open', '--json', '--data-dir', dataDir],
      {
        env: { ...process.env, POSTWRIGHT_SECRETS: 'file' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let printed = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    child.stdout.once('data', (chunk: Buffer) => {
      printed = chunk.toString();
      child.kill('SIGTERM');
    });
    expect(await exited, 'the host stops by itself, not by the signal').toBe(null);
    const { port } = JSON.parse(printed) as { port: number };
    expect(JSON.parse(readFileSync(join(dataDir, 'browser-host.json'), 'utf8'))).toEqual({ port });
  }
});
