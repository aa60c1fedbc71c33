import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A function a reader cannot hold in one screenful loses them: over LIMIT lines it is split into
// named hooks, components and helpers, or it says why it is long in a comment just above it that
// starts "Long because". Test files are left out: a describe block is a list of cases, not a function
// to follow. The folders read are the app's and the tests' support code.
const LIMIT = 150;
const FOLDERS = ['shared', 'main', 'renderer', 'tests/support', 'tests/e2e/pages', 'tests/e2e/support'];
const WHY = /\bLong because\b/;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface LongFunction {
  where: string;
  lines: number;
  explained: boolean;
}

/** The name a function goes by: its own, or the variable or property it is assigned to. */
function nameOf(node: ts.FunctionLikeDeclaration): string {
  if (node.name) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) return parent.name.getText();
  return '(anonymous)';
}

/** The statement or member a comment above the function would sit on. */
function anchorOf(node: ts.Node): ts.Node {
  let anchor = node;
  while (
    anchor.parent &&
    (ts.isVariableDeclaration(anchor.parent) ||
      ts.isVariableDeclarationList(anchor.parent) ||
      ts.isVariableStatement(anchor.parent) ||
      ts.isPropertyAssignment(anchor.parent) ||
      ts.isExportAssignment(anchor.parent))
  )
    anchor = anchor.parent;
  return anchor;
}

function longFunctions(file: string, text: string, limit = LIMIT): LongFunction[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: LongFunction[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.end).line;
      const lines = last - first + 1;
      if (lines > limit) {
        const anchor = anchorOf(node);
        const comments = ts.getLeadingCommentRanges(text, anchor.getFullStart()) ?? [];
        const explained = comments.some((range) => WHY.test(text.slice(range.pos, range.end)));
        found.push({ where: `${file} ${nameOf(node as ts.FunctionLikeDeclaration)}`, lines, explained });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('functions stay short enough to follow', () => {
  it(`has no function over ${LIMIT} lines without a comment saying why`, () => {
    const files = FOLDERS.flatMap(sourceFiles);
    expect(files.length).toBeGreaterThan(300);
    const unexplained = files
      .flatMap((file) => longFunctions(file, readFileSync(file, 'utf8')))
      .filter((entry) => !entry.explained)
      .map((entry) => `${entry.where} (${entry.lines} lines)`);
    expect(unexplained).toEqual([]);
  });

  it('finds a long function however it is written, and takes a "Long because" comment as its reason', () => {
    const body = Array.from({ length: 12 }, (_, index) => `  const a${index} = ${index};`).join('\n');
    const text = [
      `export function plain() {\n${body}\n}`,
      `export const arrow = () => {\n${body}\n};`,
      `const handlers = {\n  method: async () => {\n${body}\n  },\n};`,
      `// Long because the steps read best in order.\nexport function explained() {\n${body}\n}`,
      `export function short() {\n  return 1;\n}`,
    ].join('\n\n');
    expect(longFunctions('probe.ts', text, 10).map(({ where, explained }) => [where, explained])).toEqual([
      ['probe.ts plain', false],
      ['probe.ts arrow', false],
      ['probe.ts method', false],
      ['probe.ts explained', true],
    ]);
  });
});
