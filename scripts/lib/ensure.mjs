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

/** Installs packages when node_modules is missing or older than the lock file. */
export function ensureDependencies({ wantElectron }) {
  const marker = `${root}/node_modules/.package-lock.json`;
  const lock = `${root}/package-lock.json`;
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('Installing dependencies…');
  const install = ['ci', '--no-audit', '--no-fund'];
  if (wantElectron && run('npm', install) === 0) return;
  if (wantElectron)
    console.log(
      'The Electron binary could not be downloaded; installing without it (the app will run in your browser).',
    );
  else
    console.log(
      'Installing without the Electron binary (the tests drive the browser host; set POSTWRIGHT_ELECTRON=1 to try).',
    );
  const status = run('npm', install, { env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
  if (status !== 0) throw new Error('npm ci failed: see the messages above.');
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

/** GNOME Keyring, for the test that stores passwords in a real system keyring (Debian, as root). */
export function ensureKeyringDaemon() {
  if (
    existsSync('/usr/bin/gnome-keyring-daemon') ||
    process.getuid?.() !== 0 ||
    !existsSync('/usr/bin/apt-get')
  )
    return;
  console.log("No keyring daemon found: installing Debian's gnome-keyring package…");
  const apt = ['-o', 'DPkg::Lock::Timeout=600'];
  run('apt-get', [...apt, 'update', '-qq']);
  run('apt-get', [...apt, 'install', '-y', '-qq', '--no-install-recommends', 'gnome-keyring', 'dbus'], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
