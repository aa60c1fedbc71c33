// The operating system's own packages: WordPress as Debian and Ubuntu ship it, MariaDB, and PHP's
// command line (whose built-in web server serves the blog). Installed only when one is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PeerError } from './instance.mjs';

// php-xml: the XML-RPC server needs ext/xml; php-gd: WordPress makes image sizes with it.
export const PACKAGES = [
  'wordpress',
  'mariadb-server',
  'mariadb-client',
  'php-cli',
  'php-mysql',
  'php-xml',
  'php-gd',
  'php-mbstring',
];

function missingPackages() {
  const query = spawnSync('dpkg-query', ['-W', '-f', '${db:Status-Abbrev} ${Package}\n', ...PACKAGES], {
    encoding: 'utf8',
  });
  if (query.error) {
    throw new PeerError(
      'The test WordPress runs on Debian or Ubuntu, from their own packages, and this system has no dpkg-query.',
    );
  }
  const installed = new Set(
    query.stdout
      .split('\n')
      .filter((line) => line.startsWith('ii'))
      .map((line) => line.split(/\s+/)[1]),
  );
  return PACKAGES.filter((name) => !installed.has(name));
}

/** apt-get with the options that make it wait for another apt and never ask a question. */
function aptGet(args, logFile) {
  const result = spawnSync(
    'apt-get',
    ['-q', '-o', 'DPkg::Lock::Timeout=900', '-o', 'Dpkg::Use-Pty=0', ...args],
    {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
    },
  );
  writeFileSync(logFile, `${result.stdout ?? ''}${result.stderr ?? ''}`, { flag: 'a' });
  return result.status ?? 1;
}

/**
 * Installs what is missing. The packages' own scripts would start Apache on port 80 and a system
 * MariaDB; a policy-rc.d that refuses every service start (Debian's documented switch) keeps them
 * from doing so while apt runs.
 */
export function ensurePackages(log) {
  const missing = missingPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0 || !existsSync('/usr/bin/apt-get')) {
    throw new PeerError(
      `The test WordPress needs these packages: ${missing.join(' ')}. Install them as root (apt-get install ${missing.join(' ')}) and run the tests again.`,
    );
  }
  log(`installing ${missing.join(', ')} (about a minute)`);
  const work = mkdtempSync(join(tmpdir(), 'postwright-wordpress-apt-'));
  const logFile = join(work, 'apt.log');
  const policy = '/usr/sbin/policy-rc.d';
  const ownPolicy = !existsSync(policy);
  if (ownPolicy)
    writeFileSync(
      policy,
      '#!/bin/sh\n# written by the Postwright test WordPress while apt runs\nexit 101\n',
      { mode: 0o755 },
    );
  try {
    let status = aptGet(['update'], logFile);
    if (status === 0) {
      status = aptGet(
        ['-y', '--no-install-recommends', '-o', 'Dpkg::Options::=--force-confold', 'install', ...missing],
        logFile,
      );
    }
    if (status !== 0) {
      const last = readFileSync(logFile, 'utf8').trim().split('\n').slice(-1)[0];
      throw new PeerError(
        `Installing ${missing.join(' ')} with apt-get failed (${last}); the whole log is in ${logFile}.`,
      );
    }
    rmSync(work, { recursive: true, force: true });
  } finally {
    if (ownPolicy) rmSync(policy, { force: true });
  }
}
