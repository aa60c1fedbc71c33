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

/**
 * Installs packages when node_modules is missing or older than the lock file. True when it has told
 * the person that the desktop app could not be installed.
 */
export function ensureDependencies({ wantElectron }) {
  const marker = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return false;
  return installDependencies({ wantElectron });
}

/** npm ci with its output kept back: npm's engine warnings and install-script stacks are not for the person. */
function npmCi(npm, env) {
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    env: withNodeHeaders({ ...process.env, ...env }),
    encoding: 'utf8',
  });
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? result.error?.message ?? ''}`,
  };
}

/** The one line of npm's output that says why an install failed ("getaddrinfo ENOTFOUND …"). */
function reasonIn(output) {
  const line = output
    .split('\n')
    .map((text) => text.replace(/^npm (?:error|ERR!)\s*/, '').trim())
    .find(
      (text) => /\b(?:E[A-Z]{3,}|getaddrinfo|HTTP|status code|Error:)/.test(text) && !/EBADENGINE/.test(text),
    );
  return line ? line.replace(/^\w*Error:\s*/, '') : 'see npm ci';
}

/**
 * Installs the packages. With `wantElectron` it first tries with Electron's binary; where that cannot
 * be downloaded it says so in one sentence and installs without it (the app then runs in a browser).
 */
export function installDependencies({ wantElectron, npm = 'npm', say = console.log }) {
  say('Installing dependencies…');
  if (wantElectron) {
    const withElectron = npmCi(npm, {});
    if (withElectron.ok) return false;
    say(
      `The desktop app cannot be installed here (Electron’s binary did not download: ${reasonIn(withElectron.output)}), so Postwright installs without it and runs in your browser.`,
    );
  } else {
    say(
      'Installing without the Electron binary (the tests drive the browser host; set POSTWRIGHT_ELECTRON=1 to try).',
    );
  }
  const without = npmCi(npm, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
  if (!without.ok) {
    say(without.output.trim().split('\n').slice(-15).join('\n'));
    throw new Error(`npm ci failed (${reasonIn(without.output)}): the lines above say more.`);
  }
  return wantElectron;
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
export function electronBinaryPresent(electronPackage = `${root}/node_modules/electron`) {
  return existsSync(`${electronPackage}/path.txt`);
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
  if (
    aptInstall("No Chromium found: installing Debian's chromium package…", ['chromium', 'fonts-dejavu-core'])
  )
    chromium = findChromium();
  if (!chromium) {
    throw new Error(
      'No Chromium found. Install one (Debian: apt-get install chromium) or set POSTWRIGHT_CHROMIUM to its path.',
    );
  }
  return chromium;
}

/** GNOME Keyring, for the test that stores passwords in a real system keyring (Debian, as root). */
export function ensureKeyringDaemon() {
  if (existsSync('/usr/bin/gnome-keyring-daemon')) return;
  aptInstall("No keyring daemon found: installing Debian's gnome-keyring package…", [
    '--no-install-recommends',
    'gnome-keyring',
    'dbus',
  ]);
}

/**
 * ripgrep, the peer the `drafts search` budget is measured against (the bench falls back to node
 * reading every draft where it cannot be installed, and says so in the row's baseline name).
 */
export function ensureRipgrep() {
  if (existsSync('/usr/bin/rg')) return;
  aptInstall("No ripgrep found: installing Debian's ripgrep package for the search benchmark…", ['ripgrep']);
}

/** Installs Debian packages where this runs as root on Debian; false where it cannot try. */
function aptInstall(message, packages) {
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) return false;
  console.log(message);
  const apt = ['-o', 'DPkg::Lock::Timeout=600'];
  run('apt-get', [...apt, 'update', '-qq']);
  run('apt-get', [...apt, 'install', '-y', '-qq', ...packages], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return true;
}
