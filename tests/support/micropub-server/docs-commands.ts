import { readFileSync } from 'node:fs';

/**
 * The command docs/micropub.md gives for a numbered case, as the arguments after `postwright`, with
 * its placeholders (URL, DRAFT) filled in: the cases run the documentation exactly as written.
 */
export function docsCommand(id: number, fill: Record<string, string>): string[] {
  const row = readFileSync('docs/micropub.md', 'utf8')
    .split('\n')
    .find((line) => line.startsWith(`| ${id} `));
  const command = row ? /`postwright ([^`]+)`/.exec(row)?.[1] : undefined;
  if (!command) throw new Error(`docs/micropub.md gives no command for case ${id}`);
  // Shell words as the examples use them: plain words, and words in single quotes.
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map(([, quoted, plain]) => {
    const word = quoted ?? plain!;
    return fill[word] ?? word;
  });
}
