import { spawn, spawnSync } from 'node:child_process';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
  json<T = unknown>(): T;
}

/** Runs the built CLI with plain node, as an author would. */
export function runCli(
  args: string[],
  options: { dataDir?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): CliResult {
  const dataArgs = options.dataDir ? ['--data-dir', options.dataDir] : [];
  const result = spawnSync(process.execPath, ['dist/cli/postwright.mjs', ...dataArgs, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return {
    status: result.status ?? -1,
    stdout: result.stdout,
    stderr: result.stderr,
    json: <T>() => JSON.parse(result.stdout) as T,
  };
}

export interface RunningCli {
  /** Resolves with the first match of `pattern` in stdout or stderr (e.g. a URL the command prints). */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
  readonly result: Promise<CliResult>;
  /** Stops the command (by its process id), as Ctrl+C would. */
  stop(): void;
}

/**
 * Runs the built CLI without blocking the test's event loop, so servers the test itself runs
 * (a Micropub site on 127.0.0.1) can answer it, and output can be read while it waits.
 */
export function startCli(
  args: string[],
  options: { dataDir?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): RunningCli {
  const dataArgs = options.dataDir ? ['--data-dir', options.dataDir] : [];
  const child = spawn(process.execPath, ['dist/cli/postwright.mjs', ...dataArgs, ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const watchers: { pattern: RegExp; resolve: (match: RegExpMatchArray) => void }[] = [];
  const check = () => {
    for (const watcher of [...watchers]) {
      const match = stdout.match(watcher.pattern) ?? stderr.match(watcher.pattern);
      if (match) {
        watchers.splice(watchers.indexOf(watcher), 1);
        watcher.resolve(match);
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    check();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    check();
  });
  child.stdin.end(options.input ?? '');
  const timer = setTimeout(() => child.kill(), 60_000);
  const result = new Promise<CliResult>((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      for (const watcher of watchers.splice(0)) watcher.resolve([] as unknown as RegExpMatchArray);
      resolve({ status: status ?? -1, stdout, stderr, json: <T>() => JSON.parse(stdout) as T });
    });
  });
  return {
    result,
    stop: () => child.kill('SIGINT'),
    waitFor: (pattern) =>
      new Promise((resolve, reject) => {
        watchers.push({
          pattern,
          resolve: (match) =>
            match.length
              ? resolve(match)
              : reject(new Error(`the command ended without printing ${pattern}:\n${stderr}`)),
        });
        check();
      }),
  };
}

/** `runCli` for tests that serve HTTP from their own process. */
export function runCliAsync(
  args: string[],
  options: { dataDir?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
  return startCli(args, options).result;
}
