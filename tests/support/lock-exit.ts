/**
 * Takes a store's lock and ends the process from inside the work (as a CLI command that calls
 * `process.exit` would), for the test that the lock is let go of at exit.
 *
 * Usage: node lock-exit.mjs <lockPath>
 */
import { withStoreLock } from '../../main/core/fs/store-lock';

await withStoreLock(process.argv[2]!, async () => {
  process.stdout.write('held\n');
  process.exit(0);
});
