// Who uses an instance. Two test runs on one machine share an instance on the same port: the first
// to finish must not stop the blog under the other. Every `up --holder PID` leaves a note naming the
// process that uses the blog; `down --holder PID` takes its own note away and stops the blog only
// when no living process holds one.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A process's start time (in clock ticks since boot): with its pid, it names the process alone. */
function startTime(pid) {
  try {
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop().split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

const holdersDir = (paths) => join(paths.dir, 'holders');

/** Notes that `pid` uses the instance. */
export function addHolder(paths, pid) {
  mkdirSync(holdersDir(paths), { recursive: true });
  writeFileSync(join(holdersDir(paths), String(pid)), `${startTime(pid) ?? ''}\n`);
}

/** Takes `pid`'s note away and returns the living processes that still hold the instance. */
export function releaseHolder(paths, pid) {
  rmSync(join(holdersDir(paths), String(pid)), { force: true });
  let names;
  try {
    names = readdirSync(holdersDir(paths));
  } catch {
    return []; // no note at all: nobody else holds it
  }
  return names.filter((name) => {
    const noted = readFileSync(join(holdersDir(paths), name), 'utf8').trim();
    const alive = /^\d+$/.test(name) && noted !== '' && startTime(Number(name)) === noted;
    if (!alive) rmSync(join(holdersDir(paths), name), { force: true });
    return alive;
  });
}
