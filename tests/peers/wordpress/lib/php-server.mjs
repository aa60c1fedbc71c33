// PHP's built-in web server on 127.0.0.1 only. WordPress calls itself over HTTP (cron, the install's
// permalink probe), so it gets worker processes; one process would wait on its own request.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { HOST, PeerError } from './instance.mjs';
import { runningPid, startDaemon, tail, waitUntil } from './processes.mjs';
import { ROUTER } from './site.mjs';

export const phpNeedle = (paths) => `-S ${HOST}:${paths.port}`;

/** True when nothing listens on the port yet. */
function portFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, HOST, () => probe.close(() => resolve(true)));
  });
}

async function answers(url) {
  try {
    const response = await fetch(`${url}/readme.html`, { signal: AbortSignal.timeout(2000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** Fails at once when another program holds the port (before anything else is started). */
export async function claimPort(paths) {
  if (runningPid(paths.phpPid, phpNeedle(paths)) || (await portFree(paths.port))) return;
  throw new PeerError(
    `Port ${paths.port} on ${HOST} is taken by another program, so the test WordPress cannot listen there; choose a free port.`,
  );
}

export async function startPhpServer(paths) {
  if (runningPid(paths.phpPid, phpNeedle(paths))) return;
  const log = join(paths.logs, 'php-server.log');
  startDaemon(
    'php',
    [
      ...[
        '-d',
        'display_errors=0',
        '-d',
        'log_errors=1',
        '-d',
        `error_log=${join(paths.logs, 'php-error.log')}`,
      ],
      ...['-d', 'post_max_size=256M', '-d', 'upload_max_filesize=256M', '-d', 'memory_limit=512M'],
      ...['-S', `${HOST}:${paths.port}`, '-t', paths.www, ROUTER],
    ],
    { pidFile: paths.phpPid, logFile: log, env: { PHP_CLI_SERVER_WORKERS: '4' } },
  );
  await waitUntil(() => answers(paths.url), {
    alive: () => runningPid(paths.phpPid, phpNeedle(paths)) !== undefined,
    timeoutMs: 30_000,
    why: () => new PeerError(`PHP's web server did not start on ${paths.url}: ${tail(log) || 'no log'}.`),
  });
}

/** Signs in over XML-RPC as the tests will: proof that the blog, its database and its user work. */
export async function checkXmlRpc(peer) {
  const body = `<?xml version="1.0"?><methodCall><methodName>blogger.getUsersBlogs</methodName><params>${[
    'postwright',
    peer.WP_USER,
    peer.WP_PASSWORD,
  ]
    .map((value) => `<param><value><string>${value}</string></value></param>`)
    .join('')}</params></methodCall>`;
  let text;
  try {
    const response = await fetch(peer.WP_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    text = await response.text();
  } catch (error) {
    throw new PeerError(`WordPress started but ${peer.WP_ENDPOINT} did not answer: ${error.message}.`);
  }
  if (!text.includes('<name>blogid</name>')) {
    const fault = /<name>faultString<\/name>\s*<value>(?:<string>)?([^<]*)/.exec(text)?.[1];
    throw new PeerError(
      `WordPress started but refused to sign in over XML-RPC: ${fault ?? (text.slice(0, 200) || 'an empty answer')}.`,
    );
  }
}
