import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// Apart from data-dir.ts, which checks and makes the folder (and loads node:crypto for it): the CLI
// resolves the folder on every command, `postwright --help` included.

/**
 * The data folder: `--data-dir`, else POSTWRIGHT_DATA_DIR, else the folder Electron calls userData,
 * so the desktop app, the browser host and the CLI all see the same drafts.
 */
export function resolveDataDir(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.POSTWRIGHT_DATA_DIR) return resolve(env.POSTWRIGHT_DATA_DIR);
  return join(appDataRoot(env), 'Postwright');
}

function appDataRoot(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}
