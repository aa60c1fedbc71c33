/** One figure of issue 12/13's tables: what was measured, against its target. */
export interface Figure {
  id: string;
  what: string;
  value: string;
  target: string;
  pass: boolean;
}

export function figure(id: string, what: string, value: string, target: string, pass: boolean): Figure {
  return { id, what, value, target, pass };
}

/** One line per figure, as `npm test` and `npm run bench:reliability` print them. */
export function printFigure(entry: Figure): void {
  process.stdout.write(
    `[figure] ${entry.id} ${entry.what}: ${entry.value} (target ${entry.target}) ${entry.pass ? 'ok' : 'MISSED'}\n`,
  );
}
