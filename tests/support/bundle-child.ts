import { join } from 'node:path';
import { bundleForNode } from '../../scripts/lib/run-bundled.mjs';

/**
 * Bundles a script a test runs as a child process (and kills) into one file, so the child starts
 * fast. The file sits under node_modules, so the packages the script loads at run time (the HTML
 * parser, better-sqlite3) resolve from node_modules as in the app. Gives its path.
 */
export async function bundleChildScript(
  entryPoint: string,
  name: string,
  options: { minify?: boolean } = {},
): Promise<string> {
  const outfile = join('node_modules', '.cache', 'postwright-tests', `${name}-${process.pid}.mjs`);
  await bundleForNode(entryPoint, outfile, options);
  return outfile;
}
