import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The npm scripts that install what they need: on a fresh clone they run before any package is there. */
const installingScripts = Object.values(
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts,
)
  .map((command) => /^node (scripts\/\S+\.mjs)$/.exec(command)?.[1])
  .filter((file): file is string => file !== undefined)
  .filter((file) => readFileSync(join(root, file), 'utf8').includes('ensureDependencies('));

/** The specifiers a module imports statically (an `await import()` runs later, after the install). */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  return source.statements
    .filter((statement) => ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))
    .map((statement) => (statement as ts.ImportDeclaration).moduleSpecifier)
    .filter(
      (specifier): specifier is ts.StringLiteral => specifier !== undefined && ts.isStringLiteral(specifier),
    )
    .map((specifier) => specifier.text);
}

/** Every package reached through static imports from `file`, following the repository's own files. */
function packagesLoadedAtStart(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  return staticImports(file).flatMap((specifier) =>
    specifier.startsWith('.')
      ? packagesLoadedAtStart(resolve(dirname(file), specifier), seen)
      : specifier.startsWith('node:')
        ? []
        : [specifier],
  );
}

describe('the npm scripts that install their own packages', () => {
  it('are found in package.json (start, test, bench, …)', () => {
    expect(installingScripts).toEqual(expect.arrayContaining(['scripts/test.mjs', 'scripts/bench.mjs']));
  });

  // `npm run bench` on a fresh clone stopped at "Cannot find package 'esbuild'": a helper module
  // imported esbuild before the script had installed anything.
  it.each(installingScripts)('%s loads no package before it has installed them', (script) => {
    expect(packagesLoadedAtStart(join(root, script))).toEqual([]);
  });
});
