import { spawn } from 'node:child_process';

/** How long an opener may take to fail before it counts as having opened the page. */
const FAILS_WITHIN_MS = 3000;

/** The system's own way to open a web page: `open` on macOS, `start` on Windows, `xdg-open` elsewhere. */
function opener(url: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [url]];
  // `start` is built into cmd; its first argument is a window title, hence the empty one. cmd would
  // read a bare & as "and then", so it is escaped.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '', url.replace(/&/g, '^&')]];
  return ['xdg-open', [url]];
}

/**
 * Opens a URL in the system browser and tells whether that worked: false without a desktop (no
 * DISPLAY), without an opener, or when the opener fails at once (xdg-open with no browser set up).
 */
export function openInBrowser(url: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return Promise.resolve(false);
  const [command, args] = opener(url);
  return new Promise((resolve) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env });
    const timer = setTimeout(() => {
      // Still running: a browser started and the opener waits for it. That is a page opened.
      child.unref();
      resolve(true);
    }, FAILS_WITHIN_MS);
    const settle = (opened: boolean) => {
      clearTimeout(timer);
      resolve(opened);
    };
    child.once('error', () => settle(false));
    child.once('exit', (code) => settle(code === 0));
  });
}
