// Figure R4: @doyensec/electronegativity over the Electron sources. It exits 0 whatever it finds,
// so its CSV is read here: no HIGH finding may remain, and every MEDIUM one must be justified in
// place by a comment "electronegativity-justified: <CHECK>: why" on its line or the five above it
// (for a finding with no location, anywhere in the sources). It lives in tools/electronegativity
// with its own lock file, so its dependencies never meet the app's.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { root, run } from './lib/ensure.mjs';

const tool = join(root, 'tools', 'electronegativity');
const sources = join(root, 'main');
if (!existsSync(join(tool, 'node_modules', '.bin', 'electronegativity'))) {
  console.log('Installing electronegativity in tools/electronegativity …');
  if (run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], { cwd: tool }) !== 0)
    process.exit(1);
}
const electron = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;
const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';

/**
 * The tool's CSV records, or null when it did not run. It writes the header and the records with
 * two writeFile calls that race: the header's truncating write can land over the first record (CI
 * once read a record beginning "ted in the target application") or after all of them (no records).
 * A torn record or an empty list is read again from a new run; five empty runs mean no findings.
 */
function scan() {
  const out = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const csv = join(out, 'findings.csv');
  try {
    let records = [];
    for (let attempt = 1; attempt <= 5; attempt++) {
      rmSync(csv, { force: true });
      const status = run(
        join(tool, 'node_modules', '.bin', 'electronegativity'),
        ['-i', sources, '-r', '-e', electron, '-o', csv],
        { stdio: 'pipe' },
      );
      if (status !== 0 || !existsSync(csv)) {
        console.log(`electronegativity did not run (exit ${status}).`);
        return null;
      }
      records = readFileSync(csv, 'utf8')
        .split(/\r?\n/)
        .filter((line) => line.trim() && line !== HEADER);
      const torn = records.some((line) => !/^[A-Z_]+_CHECK,"/.test(line));
      if (records.length > 0 && !torn) return records;
      if (torn)
        console.log(
          `electronegativity wrote a torn CSV (its two writes raced): running it again (${attempt} of 5 runs).`,
        );
    }
    return records.some((line) => !/^[A-Z_]+_CHECK,"/.test(line)) ? null : records;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

const records = scan();
if (records === null) process.exit(1);

/** One CSV record per line; fields may be quoted, with "" for a quote. */
function parseCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field.trim());
  return fields;
}

const findings = records.map((line) => {
  const [issue, severity, confidence, file, location] = parseCsvLine(line);
  return { issue, severity, confidence, file, line: Number(location.split(':')[0]) };
});

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(folder, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(folder, entry.name)]
        : [],
  );
}
const marker = (issue) => `electronegativity-justified: ${issue}:`;

/** The comment that starts with the marker, its continuation lines joined, or null. */
function commentAt(lines, issue) {
  const start = lines.findIndex((line) => line.includes(marker(issue)));
  if (start < 0) return null;
  const words = [lines[start].slice(lines[start].indexOf(marker(issue)) + marker(issue).length)];
  for (const line of lines.slice(start + 1)) {
    if (!line.trim().startsWith('//')) break;
    words.push(line.trim().replace(/^\/\/\s*/, ''));
  }
  return words.join(' ').trim();
}

function justification({ issue, file, line }) {
  if (file === 'N/A' || !line) {
    for (const path of sourceFiles(sources)) {
      const why = commentAt(readFileSync(path, 'utf8').split('\n'), issue);
      if (why) return `${relative(root, path)}: ${why}`;
    }
    return null;
  }
  // The comment block above the finding's line, within five lines.
  const lines = readFileSync(join(sources, file), 'utf8').split('\n');
  return commentAt(lines.slice(Math.max(0, line - 6), line), issue);
}

const high = findings.filter((finding) => finding.severity === 'HIGH');
const medium = findings.filter((finding) => finding.severity === 'MEDIUM');
const unjustified = medium.filter((finding) => !justification(finding));
for (const finding of findings) {
  const where = finding.file === 'N/A' ? '(whole app)' : `main/${finding.file}:${finding.line}`;
  const why = finding.severity === 'MEDIUM' ? (justification(finding) ?? 'NOT JUSTIFIED') : '';
  console.log(
    `${finding.severity.padEnd(13)} ${finding.issue.padEnd(28)} ${where}${why ? `\n${' '.repeat(14)}${why}` : ''}`,
  );
}
const counts = ['HIGH', 'MEDIUM', 'LOW', 'INFORMATIONAL'].map(
  (level) => `${findings.filter((finding) => finding.severity === level).length} ${level}`,
);
console.log(
  `electronegativity ${counts.join(', ')} (${medium.length - unjustified.length} of ${medium.length} MEDIUM justified in place)`,
);
process.exit(high.length === 0 && unjustified.length === 0 ? 0 : 1);
