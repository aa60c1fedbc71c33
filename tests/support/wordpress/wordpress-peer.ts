import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** What tests/peers/wordpress/peer.mjs prints when the blog is up. */
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

/** The project's own WordPress peer (see its header and the README's testing section). */
const peerScript = join(repoRoot(), 'tests', 'peers', 'wordpress', 'peer.mjs');

function runPeer(args: string[], timeout: number): { answer?: unknown; failure?: string } {
  try {
    const stdout = execFileSync(process.execPath, [peerScript, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      timeout,
    });
    return { answer: stdout.trim() ? JSON.parse(stdout.trim().split('\n').pop()!) : undefined };
  } catch (error) {
    const { stdout, message } = error as { stdout?: string; message: string };
    const said = /^\{"error":.*\}$/m.exec(stdout ?? '')?.[0];
    return { failure: said ? (JSON.parse(said) as { error: string }).error : message.split('\n')[0] };
  }
}

/**
 * Starts (or finds running) the test WordPress on 127.0.0.1:`port`; installs its packages when
 * missing. Throws an Error whose message is the one sentence that says why it could not start.
 */
export function startWordPress(port = TEST_WP_PORT): WordPressPeer {
  const { answer, failure } = runPeer(['up', '--port', port, '--holder', String(process.pid)], 900_000);
  if (failure !== undefined) throw new Error(`The test WordPress on port ${port} did not start: ${failure}`);
  return answer as WordPressPeer;
}

/**
 * Stops it and deletes its data, so every run starts from a fresh blog, unless another living test
 * process still uses it (a second run on the same machine). Stopping nothing is fine.
 */
export function stopWordPress(port = TEST_WP_PORT): void {
  runPeer(['down', '--port', port, '--holder', String(process.pid), '--purge'], 120_000);
}
