import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Router } from '../core/rpc/router';

/** The files Postwright opens from the system (its file associations): Markdown and HTML, as new drafts. */
const IMPORTABLE = new Set(['.md', '.markdown', '.html', '.htm']);
const MAX_FILE_BYTES = 50 * 1024 * 1024;

export function importableFiles(argv: string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && IMPORTABLE.has(extname(arg).toLowerCase()));
}

/**
 * Imports a file the system handed the app as a new draft, through the router like every call;
 * answers the draft's id, or a sentence saying why it was not imported.
 */
export async function importOpenedFile(
  router: Router,
  path: string,
): Promise<{ ok: true; draftId: string } | { ok: false; reason: string }> {
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES)
      return { ok: false, reason: `${basename(path)} is larger than 50 MB, so it was not imported.` };
    const content = await readFile(path, 'utf8');
    const draft = await router.call(
      'drafts-import',
      { filename: basename(path), content },
      { signal: new AbortController().signal },
    );
    return { ok: true, draftId: draft.id };
  } catch (error) {
    return {
      ok: false,
      reason: `${basename(path)} could not be imported: ${(error as Error).message ?? String(error)}`,
    };
  }
}
