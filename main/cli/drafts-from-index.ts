import { readdirSync } from 'node:fs';
import type { DraftSummary } from '../../shared/model/draft';
import { DraftPaths, isDraftFolderName } from '../core/drafts/draft-paths';
import { summaryOf } from '../core/drafts/draft-summary';
import { IndexDb } from '../core/drafts/index-db';
import { isTempFileName } from '../core/fs/leftovers';

/** What a crash leaves in drafts/ for the library to tidy (open-index.ts removes it once old). */
function isLeftover(name: string): boolean {
  return name.startsWith('.creating-') || name.startsWith('.erasing-') || isTempFileName(name);
}

/**
 * The rows `drafts list` prints (the drafts or the trash, newest edit first), read straight from
 * the drafts index without starting the core, which costs a one-shot command more than the list
 * itself. Only when the index is there, readable by this version, and has a row for exactly the
 * draft folders there are (the check of names the core makes before a one-shot list); else null,
 * and the caller asks the core, which sets a damaged index aside, rebuilds a missing one, brings a
 * stale one up to date and tidies what a crash left.
 */
export function draftsFromIndex(dataDir: string, trash: boolean): DraftSummary[] | null {
  const paths = new DraftPaths(dataDir);
  let index: IndexDb | undefined;
  try {
    const folders: string[] = [];
    for (const item of readdirSync(paths.root, { withFileTypes: true })) {
      if (isDraftFolderName(item.name)) {
        if (item.isDirectory()) folders.push(item.name);
      } else if (isLeftover(item.name)) return null;
    }
    index = new IndexDb(paths.index);
    const known = index.ids();
    if (folders.length !== known.size || folders.some((id) => !known.has(id))) return null;
    return index.page([], trash).entries.map(summaryOf);
  } catch {
    // Missing, damaged, of another schema, locked past the wait: all the core's to deal with.
    return null;
  } finally {
    index?.close();
  }
}
