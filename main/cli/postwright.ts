import { join } from 'node:path';
import { quickDraftsList } from './quick-drafts-list';

// A promise nobody awaited must not take the browser host down: log it and keep serving.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'error', message: 'unhandled rejection', reason: String(reason) })}\n`,
  );
});

// A reader that closed the pipe (`postwright drafts show ID | head`) has what it wanted: the command
// finishes its work (nothing half-written) and what it still prints goes nowhere, without a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
});

/** `drafts list` straight from the index when it can; everything else through commander and the core. */
async function main(distDir: string): Promise<number> {
  if (await quickDraftsList(process.argv.slice(2), distDir)) return 0;
  const { runCli } = await import('./program');
  return runCli(process.argv, { distDir });
}

// This file is always built to dist/cli/, so the rest of the build sits one folder up.
main(join(import.meta.dirname, '..')).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postwright: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
