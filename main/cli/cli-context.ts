import type { Core } from '../core/create-core';
import { createStreamLogger, type Logger } from '../core/platform/logger';
import { resolveDataDir } from '../core/platform/data-dir';
import type { ArgsOf, MethodName, ResultOf } from '../../shared/contract';

export interface GlobalOptions {
  json?: boolean;
  verbose?: boolean;
  dataDir?: string;
}

/** What every command gets: the data folder, output in the chosen form, and calls into the core. */
export class CliContext {
  readonly dataDir: string;
  readonly logger: Logger;
  private core: Core | undefined;

  /** `distDir` is the build folder (dist/), where the renderer the browser host serves lives. */
  constructor(
    readonly options: GlobalOptions,
    readonly distDir: string,
  ) {
    this.dataDir = resolveDataDir(options.dataDir);
    // Diagnostics (a retry, a skipped file) are for --verbose; a person sees the verdict.
    const debug = options.verbose || process.env.POSTWRIGHT_LOG_LEVEL === 'debug';
    this.logger = createStreamLogger(debug ? 'debug' : 'error');
  }

  /** The core over the data folder; `serve` opens it as the browser host, other commands as the CLI. */
  async openCore(host: 'cli' | 'browser' = 'cli'): Promise<Core> {
    // Loaded on first use, so `postwright --help` and `version` start without the core's packages.
    const { createNodeCore } = await import('../host/create-node-core');
    this.core ??= await createNodeCore(host, this.dataDir, this.logger);
    return this.core;
  }

  /** Calls the core through the same router as every transport, so arguments are validated alike. */
  async call<M extends MethodName>(method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
    const core = await this.openCore();
    const { createRouter } = await import('../core/rpc/router');
    return createRouter(core.handlers, this.logger).call(method, args, {
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
