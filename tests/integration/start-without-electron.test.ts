import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openInBrowser } from '../../main/cli/open-browser';
import { installDependencies } from '../../scripts/lib/ensure.mjs';
import { startCli } from '../support/cli';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A folder holding one executable script: a stand-in for a program on PATH, run as a real process. */
function program(name: string, body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'postwright-bin-'));
  made.push(dir);
  writeFileSync(join(dir, name), `#!/bin/sh\n${body}\n`);
  chmodSync(join(dir, name), 0o755);
  return dir;
}

/** What `npm ci` prints on Node 20 when Electron's install script cannot download its binary. */
const ELECTRON_INSTALL_FAILURE = String.raw`
if [ -z "$ELECTRON_SKIP_BINARY_DOWNLOAD" ]; then
  echo "npm warn EBADENGINE Unsupported engine {" >&2
  echo "npm warn EBADENGINE   package: 'electron@41.10.7'," >&2
  echo "npm error code 1" >&2
  echo "npm error path node_modules/electron" >&2
  echo "npm error command sh -c node install.js" >&2
  echo "npm error RequestError: getaddrinfo ENOTFOUND downloads.example" >&2
  echo "npm error     at ClientRequest.<anonymous> (node_modules/got/dist/source/core/index.js:970:111)" >&2
  exit 1
fi
echo "npm warn EBADENGINE Unsupported engine {" >&2
echo "added 319 packages in 54s"
`;

describe('npm start on a machine where Electron cannot be installed', () => {
  test('the install says in one sentence what happened and what runs instead: no engine warnings, no stack', () => {
    const npm = join(program('npm', ELECTRON_INSTALL_FAILURE), 'npm');
    const lines: string[] = [];
    installDependencies({ wantElectron: true, npm, say: (line: string) => lines.push(line) });
    expect(lines).toEqual([
      'Installing dependencies…',
      'The desktop app cannot be installed here (Electron’s binary did not download: getaddrinfo ENOTFOUND downloads.example), so Postwright installs without it and runs in your browser.',
    ]);
  });

  test('the browser is opened with the system’s own opener, and a failure to open is told, not hidden', async () => {
    const opened = join(mkdtempSync(join(tmpdir(), 'postwright-opened-')), 'url');
    made.push(join(opened, '..'));
    const path = `${program('xdg-open', `echo "$1" > ${opened}`)}:${process.env.PATH}`;
    const env = { ...process.env, PATH: path, DISPLAY: ':9' };
    expect(await openInBrowser('http://127.0.0.1:1/?token=x', env)).toBe(true);
    expect(readFileSync(opened, 'utf8').trim()).toBe('http://127.0.0.1:1/?token=x');

    const broken = { ...env, PATH: `${program('xdg-open', 'exit 3')}:${process.env.PATH}` };
    expect(await openInBrowser('http://127.0.0.1:1/', broken)).toBe(false);
    expect(await openInBrowser('http://127.0.0.1:1/', { ...env, PATH: '/nonexistent' })).toBe(false);
    expect(await openInBrowser('http://127.0.0.1:1/', { ...env, DISPLAY: '', WAYLAND_DISPLAY: '' })).toBe(
      false,
    );
  });

  test('`postwright serve` prints its address either way, and says whether it opened the browser', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'postwright-serve-open-'));
    made.push(dataDir);
    const env = { PATH: `${program('xdg-open', 'exit 3')}:${process.env.PATH}`, DISPLAY: ':9' };
    const serve = startCli(['serve', '--port', '0'], { dataDir, env });
    const [, address] = await serve.waitFor(/running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/);
    await serve.waitFor(/Could not open a browser here: open that address in one\./);
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    serve.stop();
    await serve.result;
  });
});
