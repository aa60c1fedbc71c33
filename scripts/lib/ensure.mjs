// Setup shared by `npm start`, `npm test` and `npm run bench`. Only Node built-ins here: this runs
// before the project's own packages are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
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
    env: { ...process.env, ...env },
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
