import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../core/fs/atomic-write';

/**
 * The browser host's port from one run to the next, kept in the data folder: a bookmarklet holds
 * the address it was dragged from, so the address must not change every launch.
 */
const FILE = 'browser-host.json';

export async function rememberedPort(dataDir: string): Promise<number | undefined> {
  try {
    const { port } = JSON.parse(await readFile(join(dataDir, FILE), 'utf8')) as { port?: unknown };
    return typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
  } catch {
    return undefined; // never run here yet, or a file someone else wrote: any free port will do
  }
}

export async function rememberPort(dataDir: string, port: number): Promise<void> {
  await writeFileAtomic(join(dataDir, FILE), `${JSON.stringify({ port })}\n`);
}

/** True when listening failed because another program holds the port. */
export function portTaken(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';
}
