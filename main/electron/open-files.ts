import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Router } from '../core/rpc/router';

/** The files Postwright opens from the system (its file associations): Markdown and HTML, as new drafts. */
const IMPORTABLE = new Set(['.md', '.markdown', '.html', '.htm']);
/** The contract takes at most 50,000,000 characters of content; a file of no more bytes always fits. */
const MAX_FILE_BYTES = 50_000_000;

/** Why a file could not be read, in the person's words (the system's codes are not for them). */
function unreadable(error: NodeJS.ErrnoException): string | null {
  if (error.code === 'ENOENT') return 'it is not there any more';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'Postwright may not read it';
  return null;
}

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
    const file = await stat(path);
    if (file.isDirectory())
      return { ok: false, reason: `${basename(path)} could not be imported: it is a folder.` };
    if (file.size > MAX_FILE_BYTES)
      return { ok: false, reason: `${basename(path)} is larger than 50 MB, so it was not imported.` };
    const content = await readFile(path, 'utf8');
    const draft = await router.call(
      'drafts-import',
      { filename: basename(path), content },
      { signal: new AbortController().signal },
    );
    return { ok: true, draftId: draft.id };
  } catch (error) {
    const why = unreadable(error as NodeJS.ErrnoException) ?? (error as Error).message ?? String(error);
    return { ok: false, reason: `${basename(path)} could not be imported: ${why}.`.replace(/\.\.$/, '.') };
  }
}
