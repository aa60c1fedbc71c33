import { mkdirSync, writeFileSync } from 'node:fs';
import type { FigureRow, ReliabilitySuite } from './figure';
import { hostileFetchSuite } from './hostile-fetch';
import { lostAnswersSuite } from './lost-answers';

/**
 * `npm run bench:reliability [suite…]`: the figures that take minutes (issue 13's R8 and R10 here;
 * each suite is its own file, so more join by adding a line). Prints a table, writes
 * bench/reliability.json, and exits non-zero when a figure misses its target.
 */
const SUITES: [string, ReliabilitySuite][] = [
  ['hostile-fetch', hostileFetchSuite],
  ['lost-answers', lostAnswersSuite],
];

const only = process.argv.slice(2);
const rows: FigureRow[] = [];
for (const [name, suite] of SUITES) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`running ${name}…\n`);
  rows.push(...(await suite()));
}
const widths = [6, 58, 40, 26];
console.log(
  ['figure', 'what', 'measured', 'target', ''].map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | '),
);
for (const row of rows) {
  console.log(
    [row.figure, row.what, row.measured, row.target, row.pass ? 'ok' : 'MISSED']
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join(' | '),
  );
}
mkdirSync('bench', { recursive: true });
writeFileSync(
  'bench/reliability.json',
  JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2),
);
const missed = rows.filter((row) => !row.pass).length;
console.log(`\nwrote bench/reliability.json: ${rows.length - missed} figures at target, ${missed} missed`);
process.exit(missed ? 1 : 0);
