import { join } from 'node:path';
import { runCli } from './program';

// A promise nobody awaited must not take the browser host down: log it and keep serving.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'error', message: 'unhandled rejection', reason: String(reason) })}\n`,
  );
});

// This file is always built to dist/cli/, so the rest of the build sits one folder up.
runCli(process.argv, { distDir: join(import.meta.dirname, '..') }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`postwright: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
