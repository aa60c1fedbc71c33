// Setup shared by `npm start`, `npm test` and `npm run bench`. Only Node built-ins here: this runs
// before the project's own packages are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

/**
 * Native packages (better-sqlite3) compile against Node's headers when no prebuilt binary can be
 * downloaded; node-gyp would download the headers too, so it is pointed at the ones installed
 * beside this Node when they exist.
 */
function withNodeHeaders(env) {
  const headers = join(dirname(process.execPath), '..', 'include', 'node', 'node.h');
  if (env.npm_config_nodedir || !existsSync(headers)) return env;
  return { ...env, npm_config_nodedir: join(dirname(process.execPath), '..') };
}

/** Installs packages when node_modules is missing or older than the lock file. */
export function ensureDependencies({ wantElectron }) {
  const marker = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies…');
  const install = ['ci', '--no-audit', '--no-fund'];
  if (wantElectron && run('npm', install, { env: withNodeHeaders(process.env) }) === 0) return;
  if (wantElectron)
    console.log(
      'The Electron binary could not be downloaded; installing without it (the app will run in your browser).',
    );
  else
    console.log(
      'Installing without the Electron binary (the tests drive the browser host; set POSTWRIGHT_ELECTRON=1 to try).',
    );
  const env = withNodeHeaders({ ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
  const status = run('npm', install, { env });
  if (status !== 0) throw new Error('npm ci failed: see the messages above.');
}

/** Whether better-sqlite3's compiled binding loads in this Node and opens a database with FTS5 trigrams. */
function sqliteBindingWorks() {
  const probe =
    "const D = require('better-sqlite3'); const db = new D(':memory:');" +
    'db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize=\'trigram\')"); db.close();';
  return spawnSync(process.execPath, ['-e', probe], { cwd: root, stdio: 'ignore' }).status === 0;
}

/**
 * The drafts index needs better-sqlite3's native binding, built for this Node. npm 11 may skip
 * the package's install script (it asks for approval: package.json lists it under
 * "allowScripts"), and where its prebuilt download is unreachable the script compiles from
 * source (about two minutes). So the binding is checked, and built explicitly when it does not
 * load: from source, against the Node headers the system has when it has them.
 */
export function ensureSqliteBinding() {
  if (sqliteBindingWorks()) return;
  console.log('Building the SQLite binding (better-sqlite3) from source; this takes about two minutes…');
  const env = withNodeHeaders({ ...process.env, npm_config_build_from_source: 'true' });
  run('npm', ['rebuild', 'better-sqlite3', '--foreground-scripts'], { env });
  if (!sqliteBindingWorks()) {
    throw new Error(
      'The SQLite binding (better-sqlite3) could not be built: see the messages above. It needs a C++ compiler, make and python3.',
    );
  }
}

/** True when Electron's own binary is installed, so the desktop app (and its e2e project) can run. */
export function electronBinaryPresent() {
  return existsSync(`${root}/node_modules/electron/path.txt`);
}

const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium() {
  if (process.env.POSTWRIGHT_CHROMIUM)
    return existsSync(process.env.POSTWRIGHT_CHROMIUM) ? process.env.POSTWRIGHT_CHROMIUM : undefined;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

/** Finds a Chromium; as root on Debian/Ubuntu installs the OS package when there is none. */
export function ensureChromium() {
  let chromium = findChromium();
  if (chromium) return chromium;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium package…");
    const apt = ['-o', 'DPkg::Lock::Timeout=600'];
    run('apt-get', [...apt, 'update', '-qq']);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', [...apt, 'install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], {
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    chromium = findChromium();
  }
  if (!chromium) {
    throw new Error(
      'No Chromium found. Install one (Debian: apt-get install chromium) or set POSTWRIGHT_CHROMIUM to its path.',
    );
  }
  return chromium;
}
