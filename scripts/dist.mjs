// `npm run dist`: packages the desktop app for the OS it runs on (electron-builder.yml): builds
// dist/, renders the icons, then runs electron-builder. Packaging needs Electron's binary; where it
// could not be downloaded, this stops with one sentence before doing anything.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinaryPresent, ensureDependencies, root } from './lib/ensure.mjs';

/** What electron-builder is asked to make on each OS; the targets themselves are in electron-builder.yml. */
export const TARGETS = { linux: ['--linux'], darwin: ['--mac', '--universal'], win32: ['--win'] };

export const NO_ELECTRON =
  'Postwright cannot be packaged here: Electron’s binary is not installed (it could not be downloaded), and packaging needs it; run `npm ci` where it can be downloaded, then `npm run dist` again.';

/** Why packaging cannot start here, as one sentence, or null when it can. */
export function distProblem({ platform, electronPresent }) {
  if (!TARGETS[platform]) return `Postwright packages on Linux, macOS and Windows only, not on ${platform}.`;
  return electronPresent ? null : NO_ELECTRON;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureDependencies({ wantElectron: true });
  // The electron package to package with; tests point it at one without the binary.
  const problem = distProblem({
    platform: process.platform,
    electronPresent: electronBinaryPresent(process.env.POSTWRIGHT_ELECTRON_PACKAGE),
  });
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  const { buildAll } = await import('./build.mjs');
  const { makeIcons } = await import('./make-icons.mjs');
  await buildAll({ quiet: true });
  await makeIcons();
  const builder = spawnSync(
    `${root}/node_modules/.bin/electron-builder`,
    ['--config', 'electron-builder.yml', '--publish', 'never', ...TARGETS[process.platform]],
    { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' },
  );
  process.exit(builder.status ?? 1);
}
