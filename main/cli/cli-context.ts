import type { Core } from '../core/create-core';
import { createStreamLogger, silentLogger, type Logger } from '../core/platform/logger';
import { resolveDataDir } from '../core/platform/data-dir-path';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract';

export interface GlobalOptions {
  json?: boolean;
  dataDir?: string;
  verbose?: boolean;
  debug?: boolean;
}

/** What every command gets: the data folder, output in the chosen form, and calls into the core. */
export class CliContext {
  readonly dataDir: string;
  private core: Core | undefined;

  /** `distDir` is the build folder (dist/), where the renderer the browser host serves lives. */
  constructor(
    readonly options: GlobalOptions,
    readonly distDir: string,
  ) {
    this.dataDir = resolveDataDir(options.dataDir);
  }

  /**
   * JSON log lines only when asked for (--verbose, --debug): a command's own output is its sentences.
   * The browser host, a long-running server, reports warnings as well.
   */
  loggerFor(host: 'cli' | 'browser'): Logger {
    if (this.options.debug || process.env.POSTWRIGHT_LOG_LEVEL === 'debug')
      return createStreamLogger('debug');
    if (this.options.verbose) return createStreamLogger('info');
    return host === 'browser' ? createStreamLogger('warn') : silentLogger;
  }

  /** The core over the data folder; `serve` opens it as the browser host, other commands as the CLI. */
  async openCore(host: 'cli' | 'browser' = 'cli'): Promise<Core> {
    // Loaded on first use, so `postwright --help` and `version` start without the core's packages.
    const { createNodeCore } = await import('../host/create-node-core');
    this.core ??= await createNodeCore(host, this.dataDir, this.loggerFor(host));
    return this.core;
  }

  /** Calls the core through the same router as every transport, so arguments are validated alike. */
  async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const core = await this.openCore();
    const { createRouter } = await import('../core/rpc/router');
    return createRouter(core.handlers, this.loggerFor('cli')).call(method, args, {
      signal: new AbortController().signal,
    });
  }

  /** Prints `value` as JSON with --json, else the human text. */
  print(value: unknown, text: () => string): void {
    process.stdout.write(this.options.json ? `${JSON.stringify(value, null, 2)}\n` : `${text()}\n`);
  }

  /** Ends the command; data files set aside while it ran (unreadable) are named on stderr. */
  async close(): Promise<void> {
    if (!this.core) return;
    for (const problem of await this.call('problems-list', {}))
      process.stderr.write(
        `postwright: ${problem.message}${problem.file ? ` It is now ${problem.file}.` : ''}\n`,
      );
    await this.core.dispose();
  }
}
