// The peer's daemons run detached, each in its own process group, with their pid saved in the
// instance folder. They are only ever stopped through that pid, and only while its command line
// still names this instance (a reused pid belongs to someone else).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

function savedPid(pidFile) {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

/** The pid in `pidFile` when it runs and its command line contains `needle`. */
export function runningPid(pidFile, needle) {
  const pid = savedPid(pidFile);
  return pid !== undefined && commandLine(pid).includes(needle) ? pid : undefined;
}

/** Starts `command` in its own session (so it outlives this script), output appended to `logFile`. */
export function startDaemon(command, args, { pidFile, logFile, env = {} }) {
  const log = openSync(logFile, 'a');
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, ...env },
  });
  closeSync(log);
  child.unref();
  writeFileSync(pidFile, `${child.pid}\n`);
  return child.pid;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stops the daemon of `pidFile` and its workers (its process group): TERM, then KILL after `graceMs`. */
export async function stopDaemon(pidFile, needle, graceMs) {
  const pid = runningPid(pidFile, needle);
  rmSync(pidFile, { force: true });
  if (pid === undefined) return false;
  process.kill(-pid, 'SIGTERM');
  for (let waited = 0; waited < graceMs && groupAlive(pid); waited += 100) await sleep(100);
  if (groupAlive(pid)) process.kill(-pid, 'SIGKILL');
  return true;
}

/** Polls `ready` until it is true; fails with `why()` when `alive` turns false or time runs out. */
export async function waitUntil(ready, { alive, timeoutMs, why }) {
  for (const started = Date.now(); Date.now() - started < timeoutMs; await sleep(250)) {
    if (await ready()) return;
    if (!alive()) throw why();
  }
  if (!(await ready())) throw why();
}

/** The last non-empty lines of a log, for a failure message. */
export function tail(file, lines = 3) {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trim().split('\n').slice(-lines).join(' / ');
}
