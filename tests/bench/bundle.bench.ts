import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { row, type BenchSuite } from './bench-kit';

/** The JavaScript the renderer loads at start (its entry and the modules it preloads), gzipped. */
export const bundleBench: BenchSuite = async () => {
  const html = readFileSync('dist/renderer/index.html', 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const bytes = scripts.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join('dist/renderer', file))).length,
    0,
  );
  return [
    row('renderer JS at start, gzip', bytes / 1024, 'KB', {
      budget: { limit: 600, of: 'value' },
      note: `${scripts.length} file(s)`,
    }),
  ];
};
