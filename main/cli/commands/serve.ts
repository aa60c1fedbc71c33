import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { createStreamLogger } from '../../core/platform/logger';
import type { CliContext } from '../cli-context';
import { CliError } from '../cli-error';
import { openInBrowser } from '../open-browser';
import { parsePort } from '../parse';
import { portTaken, rememberedPort, rememberPort } from '../../host/remembered-port';

/** The built renderer sits beside the built CLI (dist/renderer next to dist/cli). */
function rendererDir(ctx: CliContext): string {
  return resolve(process.env.POSTWRIGHT_RENDERER_DIR ?? join(ctx.distDir, 'renderer'));
}

export function registerServe(program: Command, context: () => CliContext) {
  program
    .command('serve')
    .description('run Postwright in your browser, served on 127.0.0.1 only')
    .option(
      '--port <n>',
      'port to listen on (0 picks a free one; default: the one used last time)',
      parsePort,
    )
    .option('--no-open', 'print the address but do not open a browser')
    .action(async (options: { port?: number; open: boolean }) => {
      const ctx = context();
      const dir = rendererDir(ctx);
      if (!existsSync(join(dir, 'index.html'))) {
        throw new CliError(
          `The app is not built (no ${join(dir, 'index.html')}). Run "npm run build" first.`,
        );
      }
      const logger = createStreamLogger(process.env.POSTWRIGHT_LOG_LEVEL === 'debug' ? 'debug' : 'info');
      // Side by side: the host's code loads while the core prepares the data folder on disk.
      const [core, { startBrowserHost }, remembered] = await Promise.all([
        ctx.openCore('browser'),
        import('../../host/browser-host'),
        // The port of the last run, so bookmarklets dragged from it keep working; another only if taken.
        options.port === undefined ? rememberedPort(ctx.dataDir) : undefined,
      ]);
      const start = (port: number) => startBrowserHost({ core, port, rendererDir: dir, logger });
      let host;
      let moved: number | undefined;
      try {
        host = await start(options.port ?? remembered ?? 0);
      } catch (error) {
        if (!portTaken(error)) throw error;
        if (remembered === undefined)
          throw new CliError(`Port ${options.port} is taken by another program: choose another with --port.`);
        host = await start(0);
        moved = remembered;
      }
      // Listening for Ctrl+C before the address shows: a signal with no listener ends the process
      // at once, before the port below is remembered.
      const listening = host;
      let stopCadence: (() => void) | undefined;
      let stopping = false;
      const stopped = new Promise<void>((done) => {
        const stop = () => {
          stopping = true;
          stopCadence?.();
          void listening.close().then(done);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      const opened = options.open && (await openInBrowser(host.url));
      ctx.print(
        { url: host.url, port: host.port, movedFrom: moved ?? null, dataDir: ctx.dataDir, opened },
        () =>
          [
            `Postwright is running at ${host.url}`,
            ...(moved === undefined
              ? []
              : [
                  `Port ${moved}, where it ran last time, is taken by another program, so bookmarklets made for it will not reach Postwright: drag the bookmarklet again from the Inbox.`,
                ]),
            opened
              ? 'Opened it in your browser.'
              : options.open
                ? 'Could not open a browser here: open that address in one.'
                : 'Open that address in a browser.',
            `Data folder: ${ctx.dataDir}`,
            'Press Ctrl+C to stop.',
          ].join('\n'),
      );
      // Everything else comes after the address is printed, so the author can open it at once:
      // the port's crash-safe write waits for the disk (and is skipped when the port is unchanged).
      const remembering =
        host.port === remembered
          ? Promise.resolve()
          : rememberPort(ctx.dataDir, host.port).catch((error: unknown) =>
              logger.warn('could not remember the port for the next run', { error: String(error) }),
            );
      // Stopped while a browser was opening: nothing more to start.
      if (!stopping) {
        core.startAll();
        // The digest schedules run here, in the host, whether or not a browser is open; started once
        // listening, after the other domains, so the app's address and first screen come first.
        stopCadence = core.startDigestCadence();
      }
      await stopped;
      await remembering;
    });
}
