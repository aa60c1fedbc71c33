// The WordPress files of one instance: a copy of the package's tree (PHP resolves __FILE__ through
// symlinks, so a linked tree would load Debian's own wp-config.php), our wp-config.php, our theme.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ADMIN, PeerError } from './instance.mjs';
import { DATABASE } from './mariadb.mjs';

const PACKAGE_TREE = '/usr/share/wordpress';
const here = import.meta.dirname;
export const ROUTER = join(here, '..', 'php', 'router.php');
const THEME = 'postwright-peer';

const php = (value) => `'${String(value).replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function wpConfig(paths) {
  const salts = [
    'AUTH_KEY',
    'SECURE_AUTH_KEY',
    'LOGGED_IN_KEY',
    'NONCE_KEY',
    'AUTH_SALT',
    'SECURE_AUTH_SALT',
    'LOGGED_IN_SALT',
    'NONCE_SALT',
  ];
  const constants = {
    DB_NAME: DATABASE.name,
    DB_USER: DATABASE.user,
    DB_PASSWORD: DATABASE.password,
    DB_HOST: `localhost:${paths.socket}`,
    DB_CHARSET: 'utf8mb4',
    DB_COLLATE: '',
    ...Object.fromEntries(salts.map((name) => [name, randomBytes(32).toString('hex')])),
    WP_HOME: paths.url,
    WP_SITEURL: paths.url,
    WP_DEFAULT_THEME: THEME,
    // 'local' turns on application passwords over plain http (the tests read the blog over REST).
    WP_ENVIRONMENT_TYPE: 'local',
    FS_METHOD: 'direct',
  };
  const lines = Object.entries(constants).map(([name, value]) => `define(${php(name)}, ${php(value)});`);
  return `<?php
// Written by tests/peers/wordpress for this instance only.
${lines.join('\n')}
define('WP_DEBUG', false);
// No internet: update checks and pingbacks fail at once instead of waiting; loopback stays allowed.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`;
}

/** Copies WordPress once per instance; the wp-config.php and theme are rewritten on every start. */
export function prepareFiles(paths) {
  if (!existsSync(join(paths.www, 'wp-settings.php'))) {
    // cpSync makes the package's relative symlinks (getID3, underscore.js) absolute, so they still resolve.
    cpSync(PACKAGE_TREE, paths.www, {
      recursive: true,
      filter: (source) => !['.htaccess', 'wp-config.php'].includes(source.slice(PACKAGE_TREE.length + 1)),
    });
  }
  mkdirSync(join(paths.www, 'wp-content', 'uploads'), { recursive: true });
  writeFileSync(join(paths.www, 'wp-config.php'), wpConfig(paths));
  cpSync(join(here, '..', 'theme'), join(paths.www, 'wp-content', 'themes', THEME), { recursive: true });
}

/** Installs the blog (once) and makes its administrator, category and links what the tests expect. */
export function installBlog(paths) {
  const run = spawnSync('php', ['-d', 'display_errors=stderr', join(here, '..', 'php', 'setup.php')], {
    encoding: 'utf8',
    env: {
      ...process.env,
      POSTWRIGHT_WP_WWW: paths.www,
      POSTWRIGHT_WP_HOST: `127.0.0.1:${paths.port}`,
      POSTWRIGHT_WP_TITLE: ADMIN.title,
      POSTWRIGHT_WP_USER: ADMIN.user,
      POSTWRIGHT_WP_PASSWORD: ADMIN.password,
      POSTWRIGHT_WP_EMAIL: ADMIN.email,
    },
  });
  writeFileSync(join(paths.logs, 'setup.log'), `${run.stdout}\n${run.stderr}`);
  const answer = /^\{.*\}$/m.exec(run.stdout ?? '')?.[0];
  if (run.status !== 0 || !answer) {
    const why =
      run.error?.message ?? (`${run.stderr}`.trim().split('\n').slice(-1)[0] || `exit ${run.status}`);
    throw new PeerError(`WordPress could not be installed: ${why} (see ${join(paths.logs, 'setup.log')}).`);
  }
  return JSON.parse(answer).appPassword;
}
