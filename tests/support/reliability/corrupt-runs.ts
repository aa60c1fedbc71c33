import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppProblem } from '../../../shared/model/problem';
import { runCliAsync } from '../cli';
import { startApp } from './app-process';
import { DAMAGE, damage, FILE_KINDS } from './corrupt-start';
import { figure, type Figure } from './figure';

/** Whether `path` is gone from its place and a time-stamped copy sits aside. */
function setAside(dataDir: string, path: string): boolean {
  const list = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);
  // A draft is set aside with its folder; other files beside themselves or in a quarantine folder.
  const aside = [
    ...list(join(dataDir, 'quarantine')),
    ...list(join(path, '..')),
    ...list(join(dataDir, 'inbox', 'quarantine')),
  ];
  return aside.some((name) => /unreadable-\d+|^\d{4}-\d{2}-\d{2}T|^snapshot-\d+/.test(name));
}

/**
 * R3: `starts` starts, each over a copy of a healthy folder with one data file of one kind
 * corrupted, truncated or emptied (taking turns): the CLI's command that reads it, or the app.
 * Every start must answer; the file is set aside; the app lists the problem with its path.
 */
export async function startsWithDamagedFiles(seeded: string, starts: number): Promise<Figure> {
  let ok = 0;
  const failures: string[] = [];
  for (let start = 0; start < starts; start += 1) {
    const kind = FILE_KINDS[start % FILE_KINDS.length]!;
    const how = DAMAGE[Math.floor(start / FILE_KINDS.length) % DAMAGE.length]!;
    const dataDir = mkdtempSync(join(tmpdir(), 'postwright-damaged-'));
    try {
      cpSync(seeded, dataDir, { recursive: true });
      const path = damage(dataDir, kind, how);
      let reported = false;
      if (start % 2 === 0) {
        const id = 'withId' in kind ? [kind.withId(dataDir)] : [];
        const exitCode = 'exitCode' in kind ? kind.exitCode : 0;
        const result = await runCliAsync([...kind.read, ...id, '--json'], { dataDir });
        reported =
          result.status === exitCode &&
          /could not be read, so it was set aside; .* It is now \//.test(result.stderr);
        if (result.status !== exitCode)
          failures.push(`${kind.kind} ${how}: CLI exit ${result.status}: ${result.stderr}`);
      } else {
        const app = await startApp(dataDir);
        try {
          const isReport = (problem: AppProblem) =>
            problem.file !== null && /could not be read/.test(problem.message);
          // Told as the renderer is told, by a problems-changed event, or before it connected.
          const told = app
            .waitForEvent('problems-changed', (payload) => (payload as AppProblem[]).some(isReport))
            .then(
              () => true,
              () => false,
            );
          // The renderer reads the list when it loads; the stores read their files as the app starts.
          await app.call(kind.read[0] === 'drafts' ? 'drafts-list' : 'app-info', {});
          reported = (await app.call('problems-list', {})).some(isReport) || (await told);
        } finally {
          await app.stop();
        }
      }
      if (reported && setAside(dataDir, path)) ok += 1;
      else if (failures.length < 10)
        failures.push(`${kind.kind} ${how} (${start % 2 ? 'app' : 'CLI'}): not reported or not set aside`);
    } catch (error) {
      failures.push(`${kind.kind} ${how}: ${String(error)}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    // A long run: show it is moving (and how far it got, if it is stopped).
    if ((start + 1) % 10 === 0) process.stderr.write(`damaged starts: ${start + 1}/${starts}, ${ok} ok\n`);
  }
  for (const failure of failures) process.stderr.write(`damaged start: ${failure}\n`);
  return figure(
    'R3',
    'starts with a corrupted, truncated or empty data file of every kind',
    `${ok}/${starts} started, set it aside and reported it`,
    `${starts}/${starts}`,
    ok === starts,
  );
}
