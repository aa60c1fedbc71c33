import { readFile } from 'node:fs/promises';
import { CliError } from './cli-error';

/** A file the author named on the command line, or a message that says which and what to check. */
export async function readNamedFile(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new CliError(
      `Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}. Check the path.`,
    );
  }
}
