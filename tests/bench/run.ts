import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BenchRow, BenchSuite } from './bench-kit';
import { archiveBench } from './archive.bench';
import { bundleBench } from './bundle.bench';
import { calendarBench } from './calendar.bench';
import { cliBench } from './cli.bench';
import { inboxBench } from './inbox.bench';
import { draftsBench } from './drafts.bench';
import { editorBench } from './editor.bench';
import { publishBench } from './publish.bench';
import { micropubBench } from './micropub.bench';
import { startupBench } from './startup.bench';

/** Every suite, in the order the table shows them. Each domain adds its own. */
const SUITES: [string, BenchSuite][] = [
  ['bundle', bundleBench],
  ['startup', startupBench],
  ['cli', cliBench],
  ['drafts', draftsBench],
  ['editor', editorBench],
  ['calendar', calendarBench],
  ['inbox', inboxBench],
  ['publish', publishBench],
  ['micropub', micropubBench],
  ['archive', archiveBench],
];

function format(row: BenchRow): string {
  const value = `${row.value} ${row.unit}`;
  const baseline = row.baseline ? `${row.baseline.value.toFixed(1)} ${row.unit} (${row.baseline.name})` : '';
  const ratio = row.ratio !== undefined ? `${row.ratio.toFixed(2)}×` : '';
  const budget = row.budget
    ? `${row.budget.of === 'ratio' ? '≤ ' + row.budget.limit + '×' : '≤ ' + row.budget.limit + ' ' + row.unit}`
    : '';
  const verdict = row.pass === undefined ? '' : row.pass ? 'ok' : 'OVER';
  return [row.name, value, baseline, ratio, budget, verdict].map((cell) => cell.padEnd(12)).join(' | ');
}

/**
 * One suite in this process, its rows written to `file`: every suite runs in a fresh node, as each
 * CLI command and each start of the app does, so no suite measures the heap an earlier one left.
 */
async function runOne(name: string, file: string): Promise<void> {
  const suite = SUITES.find(([known]) => known === name)![1];
  writeFileSync(file, JSON.stringify(await suite()));
}

function runInChild(name: string): BenchRow[] {
  const file = join(mkdtempSync(join(tmpdir(), 'postwright-bench-rows-')), 'rows.json');
  const flags = process.argv.slice(2).filter((arg) => arg.startsWith('--'));
  const child = spawnSync(process.execPath, [process.argv[1]!, '--suite-to', file, name, ...flags], {
    stdio: 'inherit',
  });
  try {
    if (child.status !== 0) throw new Error(`the ${name} suite ended with ${child.status ?? child.signal}`);
    return JSON.parse(readFileSync(file, 'utf8')) as BenchRow[];
  } finally {
    rmSync(dirname(file), { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const suiteTo = args.indexOf('--suite-to');
if (suiteTo >= 0) {
  await runOne(args[suiteTo + 2]!, args[suiteTo + 1]!);
  process.exit(0);
}
// Suite names; `--scale` (read by the suites that sweep sizes) is not one.
const only = args.filter((arg) => !arg.startsWith('--'));
const rows: BenchRow[] = [];
for (const [name] of SUITES) {
  if (only.length > 0 && !only.includes(name)) continue;
  process.stderr.write(`running ${name}…\n`);
  const measured = runInChild(name);
  // Each suite's rows as soon as they are measured: a run stopped halfway keeps what it measured.
  for (const entry of measured) process.stderr.write(`  ${format(entry)}\n`);
  rows.push(...measured);
}
console.log(['what', 'value', 'baseline', 'ratio', 'budget', ''].join(' | '));
for (const entry of rows) console.log(format(entry));
mkdirSync('bench', { recursive: true });
writeFileSync('bench/results.json', JSON.stringify({ measuredAt: new Date().toISOString(), rows }, null, 2));
console.log('\nwrote bench/results.json');
