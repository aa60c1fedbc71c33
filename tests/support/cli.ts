import { spawnSync } from 'node:child_process';

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
