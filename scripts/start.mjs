// `npm start`: installs dependencies when missing, builds, and opens the app: the desktop app when
// Electron's binary is installed, else the browser host (printing its address and opening a browser).
import { spawn } from 'node:child_process';
import { electronBinaryPresent, ensureDependencies, root } from './lib/ensure.mjs';

const toldNoDesktop = ensureDependencies({ wantElectron: true });
const { buildAll } = await import('./build.mjs');
await buildAll({ quiet: true });

const desktop = electronBinaryPresent();
const [command, args] = desktop
  ? [`${root}/node_modules/.bin/electron`, ['.']]
  : [process.execPath, ['dist/cli/postwright.mjs', 'serve', ...process.argv.slice(2)]];
// The browser host then prints its address, and whether it could open a browser on it.
if (!desktop && !toldNoDesktop)
  console.log(
    'The desktop app cannot start here (Electron’s binary is not installed), so Postwright runs in your browser instead.',
  );
const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
