import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What wp-up.sh prints and writes to $WP_DIR/wp.json. */
export interface WordPressPeer {
  WP_URL: string;
  WP_ENDPOINT: string;
  WP_BLOG_ID: string;
  WP_USER: string;
  WP_PASSWORD: string;
  WP_APP_PASSWORD: string;
  WP_REST: string;
  WP_DIR: string;
}

/** The tests' own instance, on its own port, so they never stop an instance someone else started. */
export const TEST_WP_PORT = process.env.POSTWRIGHT_TEST_WP_PORT ?? '8781';

/** The repository root (this file also runs bundled, from dist/bench), where package.json is. */
function repoRoot(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}

/** The peer lives beside the repository: ../shared/peers/wordpress from its root. */
const peerDir = resolve(repoRoot(), '../shared/peers/wordpress');

function script(name: string): string {
  const path = join(peerDir, name);
  if (!existsSync(path)) {
    throw new Error(
      `The WordPress peer is missing: ${path} does not exist. The MetaWeblog tests need ../shared/peers/wordpress (beside this repository) to start a real WordPress.`,
    );
  }
  return path;
}

/** Starts (or finds running) a real WordPress on 127.0.0.1; installs its Debian packages when missing. */
export function startWordPress(port = TEST_WP_PORT): WordPressPeer {
  execFileSync('bash', [script('wp-up.sh')], {
    env: { ...process.env, WP_PORT: port, CI: 'true' },
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 900_000,
  });
  const dir = process.env.WP_DIR ?? `/tmp/wp-peer-${port}`;
  return JSON.parse(readFileSync(join(dir, 'wp.json'), 'utf8')) as WordPressPeer;
}

/** Stops it and deletes its data, so every run starts from a fresh blog (about 10 s). */
export function stopWordPress(port = TEST_WP_PORT): void {
  execFileSync('bash', [script('wp-down.sh'), '--purge'], {
    env: { ...process.env, WP_PORT: port },
    stdio: 'ignore',
    timeout: 60_000,
  });
}
