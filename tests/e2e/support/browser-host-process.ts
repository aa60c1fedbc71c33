import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const CLI = 'dist/cli/postwright.mjs';

export interface HostProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts `postwright serve` over `dataDir` and waits for the URL it prints: on a free port, or with
 * `port: 'remembered'` as a person starts it (no --port), on the port it used last time.
 */
export async function startHostProcess(
  dataDir: string,
  extraEnv: NodeJS.ProcessEnv = {},
  { port = 0 }: { port?: number | 'remembered' } = {},
): Promise<HostProcess> {
  const portArgs = port === 'remembered' ? [] : ['--port', String(port)];
  const child = spawn(
    process.execPath,
    [CLI, 'serve', ...portArgs, '--no-open', '--json', '--data-dir', dataDir],
    {
      env: { ...process.env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const printed = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      try {
        resolve(JSON.parse(text) as { url: string; port: number });
      } catch {
        // not all of the JSON yet
      }
    });
    child.once('exit', (code) => reject(new Error(`postwright serve exited with ${code}: ${stderr}`)));
  });
  createInterface({ input: child.stdout! }).on('line', () => undefined);
  return { ...printed, stop: () => stopProcess(child) };
}

/** Stops the host by its process id and waits until it has exited. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
