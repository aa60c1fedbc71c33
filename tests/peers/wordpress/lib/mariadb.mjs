// A private MariaDB for one instance: its own data folder, reachable only through a unix socket
// (no TCP port to collide with anything), signed into by the operating-system user that runs it.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { PeerError } from './instance.mjs';
import { runningPid, startDaemon, tail, waitUntil } from './processes.mjs';

export const DATABASE = { name: 'wordpress', user: 'wordpress', password: 'postwright-peer-db' };

/** The command line that marks the instance's mariadbd (checked before it is ever stopped). */
export const mysqlNeedle = (paths) => `--defaults-file=${paths.myCnf}`;

function writeConfig(paths) {
  const osUser = userInfo().username;
  writeFileSync(
    paths.myCnf,
    [
      '[client]',
      `socket = ${paths.socket}`,
      `user = ${osUser}`,
      '[mysqld]',
      `user = ${osUser}`,
      `datadir = ${paths.mysqlData}`,
      `socket = ${paths.socket}`,
      `log-error = ${join(paths.logs, 'mysqld.err')}`,
      `pid-file = ${join(paths.dir, 'mysqld.self.pid')}`,
      'skip-networking',
      'skip-name-resolve',
      'skip-log-bin',
      'character-set-server = utf8mb4',
      'collation-server = utf8mb4_unicode_ci',
      'innodb_buffer_pool_size = 64M',
      'performance_schema = OFF',
      '',
    ].join('\n'),
  );
}

function client(paths, program, args, input) {
  return spawnSync(program, [`--defaults-file=${paths.myCnf}`, ...args], { input, encoding: 'utf8' });
}

/** Starts (or finds running) the instance's MariaDB, with its database and WordPress's user. */
export async function startMariaDb(paths, log) {
  writeConfig(paths);
  if (!existsSync(join(paths.mysqlData, 'mysql'))) {
    log('creating the database files');
    const install = spawnSync(
      'mariadb-install-db',
      [
        `--defaults-file=${paths.myCnf}`,
        '--auth-root-authentication-method=socket',
        `--auth-root-socket-user=${userInfo().username}`,
        '--skip-test-db',
      ],
      { encoding: 'utf8' },
    );
    if (install.status !== 0) {
      const why = install.error?.message ?? `${install.stderr}`.trim().split('\n').slice(-1)[0];
      throw new PeerError(`MariaDB could not create its data folder in ${paths.mysqlData}: ${why}.`);
    }
  }
  if (!runningPid(paths.mysqlPid, mysqlNeedle(paths))) {
    startDaemon('mariadbd', [`--defaults-file=${paths.myCnf}`], {
      pidFile: paths.mysqlPid,
      logFile: join(paths.logs, 'mysqld.out'),
    });
  }
  await waitUntil(() => client(paths, 'mariadb-admin', ['--connect-timeout=2', 'ping']).status === 0, {
    alive: () => runningPid(paths.mysqlPid, mysqlNeedle(paths)) !== undefined,
    timeoutMs: 60_000,
    why: () => new PeerError(`MariaDB did not start: ${tail(join(paths.logs, 'mysqld.err')) || 'no log'}.`),
  });
  const { name, user, password } = DATABASE;
  const sql = client(
    paths,
    'mariadb',
    [],
    `CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4;
     CREATE USER IF NOT EXISTS '${user}'@'localhost' IDENTIFIED BY '${password}';
     GRANT ALL PRIVILEGES ON \`${name}\`.* TO '${user}'@'localhost';`,
  );
  if (sql.status !== 0)
    throw new PeerError(`MariaDB refused to create the blog's database: ${sql.stderr.trim()}.`);
}
