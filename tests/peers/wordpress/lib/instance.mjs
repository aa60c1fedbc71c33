// Where one instance lives and what it is called. Every instance is keyed by its port, so several
// (one per test project, one per engineer) run side by side without touching each other.
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOST = '127.0.0.1';

/** Thrown for every reason the peer cannot start: its message is the one sentence the tests show. */
export class PeerError extends Error {}

/** A port from a variable or a flag, checked before anything is started on it. */
export function parsePort(value) {
  const port = Number(value);
  if (!/^\d+$/.test(String(value)) || port < 1024 || port > 65535) {
    throw new PeerError(`"${value}" is not a port number from 1024 to 65535.`);
  }
  return port;
}

/** Every path of the instance on `port`, all under one folder in the system's temporary directory. */
export function instance(port) {
  const dir = join(tmpdir(), `postwright-wordpress-${port}`);
  return {
    port,
    dir,
    url: `http://${HOST}:${port}`,
    www: join(dir, 'www'),
    mysqlData: join(dir, 'mysql'),
    myCnf: join(dir, 'my.cnf'),
    // Unix socket paths are limited to about 107 bytes: keep it short whatever tmpdir() is.
    socket: join(tmpdir(), `postwright-wp-${port}.sock`),
    logs: join(dir, 'log'),
    phpPid: join(dir, 'php.pid'),
    mysqlPid: join(dir, 'mysqld.pid'),
    marker: join(dir, '.postwright-wordpress'),
  };
}

/** What the tests get back: the blog's addresses and its administrator. */
export function credentials(paths, appPassword) {
  return {
    WP_URL: paths.url,
    WP_ENDPOINT: `${paths.url}/xmlrpc.php`,
    WP_BLOG_ID: '1',
    WP_USER: ADMIN.user,
    WP_PASSWORD: ADMIN.password,
    WP_APP_PASSWORD: appPassword,
    WP_REST: `${paths.url}/wp-json/`,
    WP_DIR: paths.dir,
  };
}

/** The administrator of every instance (a throwaway blog on loopback). */
export const ADMIN = {
  user: 'admin',
  password: 'peer-test-password-1',
  email: 'admin@example.com',
  title: 'Peer Test Blog',
};
